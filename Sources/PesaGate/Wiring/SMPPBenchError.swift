/// Why `pesagate bench smpp` could not finish a measurement, in words an operator can act on.
struct SMPPBenchError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
