/// SplitMix64: a tiny, fast generator whose whole state is one integer, so a fault scenario
/// is reproduced by its seed alone (the system generator cannot be seeded). Public: the handset's
/// load mode draws its faults with it too.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `p` (0 never draws, so adding a fault does not shift the others).
    public mutating func chance(_ p: Double) -> Bool {
        guard p > 0 else { return false }
        return Double.random(in: 0..<1, using: &self) < p
    }
}
