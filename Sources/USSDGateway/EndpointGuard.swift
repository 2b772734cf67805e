import Crypto
import Foundation
import Hummingbird

/// Refuses calls that fail the configured protection before anything reads them: a refused call changes
/// nothing. 403 for an address outside the allow list, 401 for a missing or wrong secret or signature.
struct EndpointGuard: RouterMiddleware {
    typealias Context = USSDRequestContext

    let protection: EndpointProtection
    let maxBodyBytes: Int

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var request = request
        if !protection.allowedAddresses.isEmpty {
            guard let address = context.remoteAddress?.ipAddress, protection.allowedAddresses.contains(address) else {
                return USSDRoutes.plain(.forbidden, "Forbidden: this address may not call the USSD endpoint.")
            }
        }
        if let secret = protection.sharedSecret {
            let sent = Self.header(protection.sharedSecretHeader, in: request) ?? ""
            guard Self.constantTimeEqual(Array(sent.utf8), Array(secret.utf8)) else {
                return USSDRoutes.plain(.unauthorized, "Unauthorized: missing or wrong shared secret.")
            }
        }
        if let key = protection.signatureKey {
            let body = try await request.collectBody(upTo: maxBodyBytes)
            let sent = Self.header(protection.signatureHeader, in: request) ?? ""
            let expected = Self.signature(of: Array(body.readableBytesView), key: key)
            guard Self.constantTimeEqual(Array(sent.lowercased().utf8), Array(expected.utf8)) else {
                return USSDRoutes.plain(.unauthorized, "Unauthorized: missing or wrong signature.")
            }
        }
        return try await next(request, context)
    }

    static func header(_ name: String, in request: Request) -> String? {
        let wanted = name.lowercased()
        return request.headers.first { $0.name.canonicalName == wanted }?.value
    }

    /// Lowercase hex HMAC-SHA-256 of `body` under `key`: what a caller puts in the signature header.
    static func signature(of body: [UInt8], key: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(key.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Compares without stopping at the first difference, so timing tells nothing about the secret.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
        return difference == 0
    }
}
