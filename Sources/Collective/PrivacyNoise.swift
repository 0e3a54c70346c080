import Foundation

/// Laplace noise from a seedable generator, so tests and audits can reproduce a release.
///
/// A Laplace(b) draw is an exponential draw with a random sign: b · −ln(v) with v uniform in
/// (0, 1] (53 random bits plus one, over 2^53: exact in a Double, never 0), so the logarithm is
/// always finite (at most 36.8 · b). The old `log(1 − 2|u|)` form reached `log(0)` = −∞ when the
/// generator returned 0, and `Int(−∞)` crashed.
public struct LaplaceNoise {
    var generator: any RandomNumberGenerator

    /// Without a seed the system's cryptographic generator draws the noise: a release must not
    /// be reproducible by someone who guesses a seed. A seed (tests, audits) makes it so.
    public init(seed: UInt64?) {
        if let seed { generator = SplitMix64(seed: seed) } else { generator = SystemRandomNumberGenerator() }
    }
    init(generator: any RandomNumberGenerator) { self.generator = generator }

    mutating func sample(scale: Double) -> Double {
        let bits = generator.next()
        let v = (Double(bits >> 11) + 1) / 9_007_199_254_740_992 // 2^53
        let magnitude = -log(v)
        return (bits & 1 == 0 ? scale : -scale) * magnitude
    }

    /// A count with noise, rounded and kept at 0 or more (post-processing: no privacy cost).
    mutating func noisyCount(_ value: Double, scale: Double) -> Int { Self.safeCount(value + sample(scale: scale)) }

    mutating func noisyAmount(_ value: Double, scale: Double) -> Double { max(0, value + sample(scale: scale)) }

    /// Rounds to an Int without trapping: not-a-number gives 0, anything past ±2^53 is clamped.
    static func safeCount(_ value: Double) -> Int {
        guard value.isFinite else { return value == .infinity ? 1 << 53 : 0 }
        return Int(min(max(value.rounded(), 0), 9_007_199_254_740_992))
    }
}

struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
