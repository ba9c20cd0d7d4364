import TimelineContent
import TimelineCore
import TimelineMedia

/// The stage that publishes the images of `Content/media/`: reads each file that `media.yaml` describes,
/// takes its copies from the media store when the same bytes were processed before, makes them otherwise,
/// and reports every image that cannot be published at its entry in `media.yaml`.
struct MediaStage {
    let fileSystem: any FileSystem
    /// The content folder, as the user named it.
    let contentFolder: String
    let store: MediaStore
    let limits: Limits

    struct Result {
        /// Each image as pages show it, by file name.
        var images: [String: PublishedImage] = [:]
        /// The bytes of every copy, by its route.
        var files: [Route: [UInt8]] = [:]
    }

    func run(_ items: [MediaItem], log: DiagnosticLog) -> Result {
        let folder = contentFolder.hasSuffix("/") && contentFolder.count > 1 ? String(contentFolder.dropLast()) : contentFolder
        let made = parallelMap(items) { item -> Swift.Result<ImagePipeline.Result, Diagnostic> in
            let path = folder + "/media/" + item.file
            let bytes: [UInt8]
            do throws(FileSystemError) {
                bytes = try fileSystem.readFile(path, limit: limits.imageFileSize)
            } catch {
                let id: DiagnosticID = error.kind == .tooLarge ? .fileTooLarge : .unreadableFile
                return .failure(.error(id, "cannot read image '\(item.file)': \(error.reason)", at: item.location))
            }
            let key = StableHasher.hash { hasher in
                hasher.combine(contents: bytes)
                hasher.combine(ImagePipeline.version)
                hasher.combine(limits.imagePixels)
            }
            if let stored = store.image(key) { return .success(stored) }
            switch ImagePipeline.publish(bytes, pixelLimit: limits.imagePixels) {
            case .success(let result):
                store.store(result, key)
                return .success(result)
            case .failure(let problem):
                return .failure(Self.diagnostic(problem, item: item, path: path))
            }
        }
        var result = Result()
        for (item, outcome) in zip(items, made) {
            switch outcome {
            case .failure(let diagnostic): log.report(diagnostic)
            case .success(let processed):
                let image = PublishedImage(
                    item: item, width: processed.width, height: processed.height,
                    copies: processed.copies.map { ImageCopyInfo(width: $0.width, height: $0.height, format: $0.format.fileExtension) })
                result.images[item.file] = image
                for (copy, info) in zip(processed.copies, image.copies) { result.files[image.route(of: info)] = copy.bytes }
            }
        }
        return result
    }

    /// Why an image cannot be published, at its entry in `media.yaml`.
    static func diagnostic(_ problem: ImageProblem, item: MediaItem, path: String) -> Diagnostic {
        let file = Diagnostic.Note("the file is \(path)")
        switch problem {
        case .notAnImage:
            return .error(.invalidImage, "'\(item.file)' is not a JPEG, PNG or WebP image", at: item.location, notes: [file])
        case .unreadable(let reason):
            return .error(
                .invalidImage, "image '\(item.file)' cannot be read to its end; is the file complete? (\(reason))", at: item.location, notes: [file])
        case .tooManyPixels(let width, let height, let limit):
            return .error(
                .imageTooLarge,
                "image '\(item.file)' declares \(width) × \(height) pixels, over the limit of \(limit / 1_000_000) megapixels; publish a smaller copy",
                at: item.location, notes: [file])
        }
    }
}
