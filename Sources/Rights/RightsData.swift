import AccountModel
import Foundation

/// A value with where it was read and when: every fact about a company or an authority.
public struct Sourced: Sendable, Codable, Equatable {
    public var value: String
    public var source: String
    public var date: String
}

public struct PlatformContact: Sendable, Codable {
    public var platform: String
    public var defaultLaw: String
    public var controller: Sourced?
    public var address: Sourced?
    public var email: Sourced?
    public var webform: Sourced?
    /// Law → authority id (authorities.json).
    public var authority: [String: String]
    public var authoritySource: Sourced?
    /// What could not be sourced, in words.
    public var gaps: [String]

    enum CodingKeys: String, CodingKey {
        case platform, controller, address, email, webform, authority, gaps
        case defaultLaw = "default_law", authoritySource = "authority_source"
    }
}

public struct Authority: Sendable, Codable {
    public var id: String
    public var law: String
    public var complaintBasis: String
    public var name: Sourced
    public var address: Sourced?
    public var email: Sourced?
    public var webform: Sourced?

    enum CodingKeys: String, CodingKey {
        case id, law, name, address, email, webform
        case complaintBasis = "complaint_basis"
    }
}

public struct Expectations: Sendable, Codable {
    public struct Section: Sendable, Codable {
        public var group: String
        public var kind: String
        public var label: String
        public var labelDE: String?
        public var labelZH: String?
        public var source: String

        enum CodingKeys: String, CodingKey {
            case group, kind, label, source
            case labelDE = "label_de", labelZH = "label_zh"
        }
    }
    public struct Field: Sendable, Codable {
        public var id: String
        public var label: String
        public var labelDE: String?
        public var labelZH: String?
        public var check: String
        public var kind: String?
        public var kinds: [String]?
        public var source: String
        public var law: String

        enum CodingKeys: String, CodingKey {
            case id, label, check, kind, kinds, source, law
            case labelDE = "label_de", labelZH = "label_zh"
        }
    }
    public var sections: [Section]
    public var fields: [Field]
}

/// The repository's `rights/` folder: company contacts, authorities and audit expectations.
/// Found like `mappings/`: `$PDA_RIGHTS_DIR`; `share/pda/rights` next to the executable's `bin/`
/// (an installed pda); `rights/` beside the executable; the source tree pda was built from.
public struct RightsData: Sendable {
    public var contacts: [String: PlatformContact]
    public var authorities: [String: Authority]
    public var expectations: [String: Expectations]

    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let dir = environment["PDA_RIGHTS_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let bin = executable.deletingLastPathComponent()
            candidates.append(bin.deletingLastPathComponent().appendingPathComponent("share/pda/rights"))
            candidates.append(bin.appendingPathComponent("rights"))
        }
        // Sources/Rights/RightsData.swift → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent("rights"))
        return candidates.first { var isDir: ObjCBool = false; return FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDir) && isDir.boolValue }
    }

    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> RightsData {
        guard let dir = directory(environment: environment) else { throw RightsError.noData }
        return try load(from: dir)
    }

    public static func load(from dir: URL) throws -> RightsData {
        struct ContactsFile: Codable { var platforms: [PlatformContact] }
        struct AuthoritiesFile: Codable { var authorities: [Authority] }
        struct ExpectationsFile: Codable { var platforms: [String: Expectations] }
        func read<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
            let url = dir.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else { throw RightsError.missingData(file: url.path) }
            do { return try JSONDecoder().decode(type, from: data) } catch {
                throw RightsError.badData(file: url.path, reason: String(describing: error))
            }
        }
        let contacts = try read("contacts.json", as: ContactsFile.self).platforms
        let authorities = try read("authorities.json", as: AuthoritiesFile.self).authorities
        return RightsData(contacts: Dictionary(contacts.map { ($0.platform, $0) }, uniquingKeysWith: { a, _ in a }),
                          authorities: Dictionary(authorities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                          expectations: try read("expectations.json", as: ExpectationsFile.self).platforms)
    }

    public func contact(_ platform: Platform) throws -> PlatformContact {
        guard let contact = contacts[platform.rawValue] else { throw RightsError.noContact(platform: platform.rawValue) }
        return contact
    }

    /// The authority a complaint about `platform` under `law` goes to.
    public func authority(for platform: Platform, law: Law) throws -> Authority {
        let contact = try contact(platform)
        guard let id = contact.authority[law.rawValue], let authority = authorities[id] else {
            throw RightsError.noAuthority(platform: platform.rawValue, law: law.rawValue)
        }
        return authority
    }
}
