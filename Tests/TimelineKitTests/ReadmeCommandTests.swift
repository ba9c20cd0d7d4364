import Foundation
import Testing

/// Every command the README shows in a shell block is run by a test, so that none of them goes stale: the
/// blocks of `timeline` commands here, each as a reader would type it, in a new folder; `make` targets by
/// CI on a fresh clone (`.ci/run`, or `make test`'s own prerequisites); the deploy recipes by
/// `Tests/Deploy/run.sh`.
@Suite(.serialized) struct ReadmeCommandTests {
    /// The lines of each shell block of the README, comments removed.
    static func blocks() throws -> [[String]] {
        let readme = try String(contentsOfFile: TestSupport.repository + "/README.md", encoding: .utf8)
        var blocks: [[String]] = []
        var current: [String]?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if current != nil { blocks.append(current!); current = nil } else if line == "```sh" { current = [] }
                continue
            }
            let command = Self.command(String(line))
            if !command.isEmpty { current?.append(command) }
        }
        return blocks
    }

    /// A line without its comment: a `#` after a space, outside quotes.
    static func command(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, character) in line.enumerated() {
            if let open = quote { if character == open { quote = nil } } else if character == "\"" || character == "'" { quote = character } else if character == "#", previous == " " {
                return String(line.prefix(offset)).trimmingCharacters(in: .whitespaces)
            }
            previous = character
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// The make targets CI runs: those `.ci/run` and the test scripts `make test` runs (`Tests/*/run.sh`) name,
    /// with their prerequisites.
    static func makeTargetsRun() throws -> Set<String> {
        let makefile = try String(contentsOfFile: TestSupport.repository + "/Makefile", encoding: .utf8)
        var prerequisites: [String: [String]] = [:]
        for line in makefile.split(separator: "\n") where !line.hasPrefix("\t") && !line.hasPrefix(".") && line.contains(":") && !line.contains(":=") && !line.contains("?=") {
            let parts = line.split(separator: ":", maxSplits: 1)
            prerequisites[String(parts[0]).trimmingCharacters(in: .whitespaces)] = parts.count > 1 ? parts[1].split(separator: " ").map(String.init) : []
        }
        var scripts = [try String(contentsOfFile: TestSupport.repository + "/.ci/run", encoding: .utf8)]
        let tests = TestSupport.repository + "/Tests"
        for folder in (try? FileManager.default.contentsOfDirectory(atPath: tests)) ?? [] where makefile.contains("Tests/\(folder)/run.sh") {
            if let text = try? String(contentsOfFile: "\(tests)/\(folder)/run.sh", encoding: .utf8) { scripts.append(text) }
        }
        var run = Set(prerequisites.keys.filter { target in scripts.contains { $0.contains("make \(target)") } })
        var pending = Array(run)
        while let target = pending.popLast() {
            for next in prerequisites[target] ?? [] where run.insert(next).inserted { pending.append(next) }
        }
        return run
    }

    /// Each command is one a test runs.
    @Test func everyCommandIsRunByATest() throws {
        let made = try Self.makeTargetsRun()
        let deploy = (try? String(contentsOfFile: TestSupport.repository + "/Tests/Deploy/run.sh", encoding: .utf8)) ?? ""
        let blocks = try Self.blocks()
        #expect(!blocks.isEmpty)
        for command in blocks.joined() {
            let words = command.split(separator: " ").map(String.init)
            switch words.first {
            case "make":
                let target = words.dropFirst().first { !$0.contains("=") } ?? "site"
                #expect(made.contains(target), "'\(command)': CI runs no 'make \(target)'")
            case "timeline", "cd", "$EDITOR":
                continue
            default:
                #expect(deploy.contains(command), "'\(command)' is run by no test")
            }
        }
    }

    /// The blocks of `timeline` commands run as shown, each in a new folder, with `timeline` on the PATH; a
    /// `serve` is still serving after some seconds.
    @Test func theTimelineCommandsRunAsShown() throws {
        let blocks = try Self.blocks().filter { $0.contains { $0.hasPrefix("timeline ") } && !$0.contains { $0.hasPrefix("make ") } }
        #expect(!blocks.isEmpty)
        for block in blocks {
            let root = TestSupport.temporaryFolder()
            try FileManager.default.createDirectory(atPath: root + "/bin", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: root + "/bin/timeline", withDestinationPath: CommandLineTests.executable)
            // The browser `serve --open` starts: one that notes the address it was given.
            try "#!/bin/sh\necho \"$1\" >> \"\(root)/opened\"\n".write(toFile: root + "/bin/xdg-open", atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root + "/bin/xdg-open")
            let lines = block.map { line in
                line.hasPrefix("timeline serve") ? "timeout 5 \(line) > serve.log 2>&1 || [ $? = 124 ] || { cat serve.log; exit 1; }" : line
            }
            let script = "set -e\n" + lines.joined(separator: "\n") + "\n"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", script]
            process.currentDirectoryURL = URL(fileURLWithPath: root)
            process.environment = ["PATH": root + "/bin:/usr/bin:/bin", "HOME": root, "EDITOR": "true"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(block.joined(separator: "\n"))\n\(text)")
            if block.contains(where: { $0.hasPrefix("timeline serve") && $0.contains("--open") }) {
                let opened = (try? String(contentsOfFile: root + "/opened", encoding: .utf8)) ?? ""
                #expect(opened.hasPrefix("http://127.0.0.1:"), "serve --open opened '\(opened)'")
            }
        }
    }
}
