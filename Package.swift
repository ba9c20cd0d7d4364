// swift-tools-version: 6.1
import PackageDescription

/// The generator is a stack of targets, each importing only those below it, so that a dependency that runs
/// backwards is a compile error:
///
///     timeline (the command line) · TimelinePreview (the preview server)
///     TimelineBuild     the pipeline of stages, the build cache, the atomic output
///     TimelineSite      linking, checks, page models, templates, charts, exports
///     TimelineMarkdown  libcmark, citations and [[links]] resolved
///     TimelineContent   the file system, reading and checking Content/
///     TimelineMedia     libvips: images checked, shrunk and stripped of metadata; share cards drawn
///     TimelineCore      notes, sources, facts, dates, routes, diagnostics, hashing, escaping
///     TimelineTheme     the built-in theme's templates and assets, compiled in
///
/// TimelineTesting holds the in-memory file system and output, for tests only.
let package = Package(
    name: "timeline",
    products: [
        .executable(name: "timeline", targets: ["timeline"]),
        .library(
            name: "TimelineKit",
            targets: ["TimelineTheme", "TimelineCore", "TimelineContent", "TimelineMarkdown", "TimelineMedia", "TimelineSite", "TimelineBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libvips is loaded when the first image is read, not linked: Sources/CVips/shim.h.
        .systemLibrary(name: "CVips"),
        .target(name: "CSystemShim"),
        .target(name: "TimelineMedia", dependencies: ["TimelineCore", "CVips"]),
        .target(name: "TimelineTheme", resources: [.embedInCode("Theme")]),
        .target(name: "TimelineCore", dependencies: ["CSystemShim"]),
        .target(
            name: "TimelineContent",
            dependencies: ["TimelineCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "TimelineMarkdown", dependencies: ["TimelineCore", "CCMark"]),
        .target(name: "TimelineSite", dependencies: ["TimelineTheme", "TimelineCore", "TimelineContent", "TimelineMarkdown"]),
        .target(
            name: "TimelineBuild",
            dependencies: ["TimelineTheme", "TimelineCore", "TimelineContent", "TimelineMarkdown", "TimelineSite", "TimelineMedia", "CSystemShim"]
        ),
        .target(name: "TimelineTesting", dependencies: ["TimelineCore", "TimelineContent", "TimelineBuild"]),
        .target(
            name: "TimelinePreview",
            dependencies: [
                "TimelineCore", "TimelineContent", "TimelineBuild", .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "timeline",
            dependencies: [
                "TimelineCore",
                "TimelineContent",
                "TimelineBuild",
                "TimelinePreview",
                "CSystemShim",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // A release binary is linked at a fixed address: it starts without relocating two megabytes of
            // pointers, which saves memory and time on every run.
            linkerSettings: [.unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(
            name: "TimelineKitTests",
            dependencies: [
                "TimelineCore", "TimelineContent", "TimelineMarkdown", "TimelineSite", "TimelineBuild", "TimelineMedia", "TimelineTesting",
                "TimelinePreview", .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ]
)
