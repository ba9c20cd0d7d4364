/// The one recursive walk of a folder, for reading templates, stamping inputs, checking and sweeping the
/// output, and removing folders: every file and folder under a folder, parents before children, each
/// folder's items sorted by name, without following symbolic links.
public struct FolderWalker: Sendable {
    /// One file or folder found.
    public struct Item: Sendable, Equatable {
        /// The path relative to the walked folder.
        public var path: String
        public var kind: FileKind
    }

    public let fileSystem: any FileSystem
    /// Whether names starting with `.` are passed over, with everything under them.
    public var skipsHidden: Bool

    public init(fileSystem: any FileSystem, skipsHidden: Bool = true) {
        self.fileSystem = fileSystem
        self.skipsHidden = skipsHidden
    }

    /// Every item under `folder`, and the folders that could not be listed with why. A folder that does
    /// not exist has no items.
    public func walk(_ folder: String) -> (items: [Item], failures: [FileSystemError]) {
        var items: [Item] = []
        var failures: [FileSystemError] = []
        func visit(_ relative: String) {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            let listed: [DirectoryItem]
            do {
                listed = try fileSystem.listDirectory(path) ?? []
            } catch {
                failures.append(error)
                return
            }
            for item in listed.sorted(by: { $0.name < $1.name }) {
                if skipsHidden, item.name.hasPrefix(".") { continue }
                let child = relative.isEmpty ? item.name : relative + "/" + item.name
                items.append(Item(path: child, kind: item.kind))
                if item.kind == .directory { visit(child) }
            }
        }
        visit("")
        return (items, failures)
    }

    /// The paths of every file under `folder` (anything that is not a folder), in walking order.
    public func files(in folder: String) -> [String] {
        walk(folder).items.filter { $0.kind != .directory }.map(\.path)
    }
}
