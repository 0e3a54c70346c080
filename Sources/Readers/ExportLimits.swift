/// Safety limits of the ExportReader. Real exports stay far below them; hostile zips do not.
public struct ExportLimits: Sendable {
    /// Entries in one export (TikTok, Instagram and Takeout exports hold a few thousand).
    public var maxEntries = 200_000
    /// Inflated size of one entry read into memory (JSON, CSV). Media are streamed, not read.
    public var maxDocumentBytes: UInt64 = 2 << 30
    /// Inflated size of one streamed entry (a video).
    public var maxEntryBytes: UInt64 = 16 << 30
    /// Inflated size of the whole export.
    public var maxTotalBytes: UInt64 = 256 << 30
    /// Compression ratio above which an entry larger than `ratioFloorBytes` is a zip bomb.
    /// Deflate tops out near 1032:1, and real JSON compresses around 10:1 to 30:1.
    public var maxRatio: UInt64 = 200
    public var ratioFloorBytes: UInt64 = 1 << 20

    public init() {}
}
