import TimelineSite

/// The files of the cache that say what the last build's pages read and where its exports' entries lie,
/// which a build reads ahead while it reads the content.
extension BuildCache {
    /// What ``loadPageRecords()`` reads.
    struct PageRecords: Sendable {
        var reads: RecordFile<[Int]>
        var keys: RecordFile<[ReadKey]>
        var exports: RecordFile<ExportLayout>
    }
}
