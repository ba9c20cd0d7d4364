/// The one recursive walk of a folder, for reading templates, stamping inputs, checking and sweeping the
/// output, and removing folders: every file and folder under a folder, parents before children, each
/// folder's items sorted by name unless asked not to, without following symbolic links unless asked to.
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

    /// Whether a symbolic link to a folder inside the walked folder is walked into, as the build reads such
    /// a folder. A link is listed as a link, followed by what its folder holds under the link's name; a
    /// folder already walked is not walked again, so that links that loop end.
    public var followsLinksInside: Bool

    /// Whether each folder's items come sorted by name. A walk whose order does not matter (removing files,
    /// or checking them against a table) takes them as the folder lists them, which spares sorting thousands
    /// of names; parents still come before their children.
    public var sortsItems: Bool

    public init(fileSystem: any FileSystem, skipsHidden: Bool = true, followsLinksInside: Bool = false, sortsItems: Bool = true) {
        self.fileSystem = fileSystem
        self.skipsHidden = skipsHidden
        self.followsLinksInside = followsLinksInside
        self.sortsItems = sortsItems
    }

    /// Every item under `folder`, and the folders that could not be listed with why. A folder that does
    /// not exist has no items.
    public func walk(_ folder: String) -> (items: [Item], failures: [FileSystemError]) {
        var items: [Item] = []
        var failures: [FileSystemError] = []
        let root = followsLinksInside ? fileSystem.resolvedPath(folder) : nil
        /// The folders walked, with their links resolved, when links are followed.
        var walked = Set<String>()
        /// Whether `path` is a link to a folder inside the walked folder not walked yet, which it marks walked.
        func isNewFolderInside(_ path: String) -> Bool {
            guard let root, let target = fileSystem.resolvedPath(path), target == root || target.hasPrefix(root + "/"),
                  fileSystem.kind(of: target) == .directory else { return false }
            return walked.insert(target).inserted
        }
        func visit(_ relative: String) {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            if root != nil, let resolved = fileSystem.resolvedPath(path) { walked.insert(resolved) }
            let listed: [DirectoryItem]
            do {
                listed = try fileSystem.listDirectory(path) ?? []
            } catch {
                failures.append(error)
                return
            }
            for item in sortsItems ? listed.sorted(by: { $0.name < $1.name }) : listed {
                if skipsHidden, item.name.hasPrefix(".") { continue }
                let child = relative.isEmpty ? item.name : relative + "/" + item.name
                items.append(Item(path: child, kind: item.kind))
                if item.kind == .directory || (item.kind == .symbolicLink && isNewFolderInside(folder + "/" + child)) {
                    visit(child)
                }
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
