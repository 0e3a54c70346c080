/// Bounds on what `pda verify` reads from an archive. An organisation verifies archives sent by
/// strangers, so verify is a security boundary like the export reader: every field is measured
/// before it is decoded or parsed, and each violation is a named problem, never a crash or a
/// hang. Within these bounds verify's work grows linearly with the archive (n log n for the
/// sorted listings), and a pda archive of any real account stays far below every one of them.
public struct VerifyLimits: Sendable {
    /// Entries in the zip or files in the folder (an archive of 20,000 items holds about 45,000).
    public var maxEntries = 500_000
    /// UTF-8 bytes of one path inside the bag (pda writes at most about 200).
    public var maxPathBytes = 1_024
    /// A deflated entry larger than `ratioFloorBytes` that inflates more than this many times its
    /// compressed size is a zip bomb and is not inflated. JSON compresses about 10:1 to 30:1.
    public var maxRatio: UInt64 = 200
    public var ratioFloorBytes: UInt64 = 1 << 20
    /// `bagit.txt` and `bag-info.txt` (pda writes a few hundred bytes).
    public var maxTagFileBytes: UInt64 = 64 << 10
    /// One manifest or tag manifest: a SHA-512 line per file, about 200 bytes, for `maxEntries` files.
    public var maxManifestBytes: UInt64 = 128 << 20
    /// One manifest line: a 128-character digest and a percent-encoded path.
    public var maxManifestLineBytes = 4_096
    /// Lines of one manifest: one per file, so no more than `maxEntries`.
    public var maxManifestLines = 500_000
    /// A claim (`authorship.vc.json`), the seal or `owner.json`; a claim lists one `digestSRI` of
    /// about 150 bytes per file of its item, so a megabyte is thousands of files.
    public var maxCredentialBytes: UInt64 = 1 << 20
    /// Nesting of a credential's JSON (pda's claims nest four levels deep).
    public var maxJSONDepth = 32
    /// A proof's `proofValue`: `z` and the base58btc of a 64-byte signature is at most 89 characters.
    /// Base58 decoding is quadratic, so this is checked before decoding.
    public var maxProofValueBytes = 128
    /// A `verificationMethod` or `issuer`: an Ed25519 did:key is 56 characters, with its fragment 105.
    public var maxDIDBytes = 256

    public init() {}

    /// "1 MiB", "64 KiB", "4096 bytes": for the problems that name a limit.
    static func describe(_ bytes: UInt64) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
