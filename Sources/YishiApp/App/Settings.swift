import Vapor
import YishiCore

/// Everything the platform reads from its environment, read once at start.
/// Invalid or missing values are collected and reported together, then start-up stops.
public struct Settings: Sendable {
    public enum DatabaseChoice: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        case postgres(String)
    }

    public var database: DatabaseChoice
    public var host: String
    public var port: Int
    /// The address people use to reach the server; `https` makes cookies Secure.
    public var publicURL: String?
    /// Where codes are sent in production: a gateway that takes `{"phone": …, "text": …}` by POST.
    public var smsWebhookURL: String?
    /// Development pages (the SMS outbox) exist only where this is true.
    public var developmentPages: Bool
    /// Errors show their internal text only where this is true.
    public var showInternalErrors: Bool
    public var maxBodyBytes: Int = 1 << 20
    public var maxUploadBytes: Int = 10 << 20
    /// `/metrics` answers loopback peers, and others only with `Authorization: Bearer <this>`.
    public var metricsToken: String?
    /// True in production: no demo data, no outbox, no printed secrets.
    public var production: Bool = false
    /// Proxies whose `X-Forwarded-For` is believed (`YISHI_TRUSTED_PROXIES`); nobody's by default.
    public var trustedProxies: [IPRange] = []
    /// SMS the platform sends at most in one hour (`YISHI_SMS_HOURLY_BUDGET`), against SMS pumping.
    public var smsHourlyBudget: Int = 1000
    /// bcrypt's work factor for staff passwords (`YISHI_BCRYPT_COST`, 10–16). 10 is OWASP's floor
    /// and takes about 0.1 s per check on this platform's 2-core reference machine; each step up
    /// doubles it. Hashes made with another factor still verify and are remade at the next sign-in.
    public var passwordCost: Int = 10
    /// Who runs this platform and how to reach them (the footer, the privacy notice).
    public var operatorName: String?
    public var operatorContact: String?
    public static let passwordCosts = 10...16

    public var secureCookies: Bool { publicURL?.lowercased().hasPrefix("https://") ?? false }

    public init(
        database: DatabaseChoice, host: String = "127.0.0.1", port: Int = 8080, publicURL: String? = nil,
        smsWebhookURL: String? = nil, developmentPages: Bool = true, showInternalErrors: Bool = false
    ) {
        self.database = database
        self.host = host
        self.port = port
        self.publicURL = publicURL
        self.smsWebhookURL = smsWebhookURL
        self.developmentPages = developmentPages
        self.showInternalErrors = showInternalErrors
    }

    public struct Problems: Error, CustomStringConvertible {
        public var list: [String]
        public var description: String {
            "配置有误 / Configuration problems:\n" + list.map { "  - " + $0 }.joined(separator: "\n")
        }
    }

    /// Reads `YISHI_*` and `DATABASE_URL`. Production needs `YISHI_PUBLIC_URL` and an SMS gateway.
    public static func read(_ env: [String: String], environment: Environment) throws -> Settings {
        var problems: [String] = []
        let database: DatabaseChoice
        if let url = env["DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                database = .postgres(url)
            } else if url.hasPrefix("sqlite://") {
                database = .sqliteFile(String(url.dropFirst("sqlite://".count)))
            } else {
                problems.append(
                    "DATABASE_URL must start with postgres:// or sqlite:// / DATABASE_URL 应以 postgres:// 或 sqlite:// 开头"
                )
                database = .sqliteMemory
            }
        } else {
            database = .sqliteFile(env["YISHI_SQLITE_PATH"] ?? "data/yishi.sqlite")
        }
        let host = env["YISHI_HOST"] ?? "127.0.0.1"
        var port = 8080
        if let p = env["YISHI_PORT"] {
            if let n = Int(p), (1...65535).contains(n) {
                port = n
            } else {
                problems.append("YISHI_PORT must be 1–65535 / YISHI_PORT 应为 1–65535")
            }
        }
        let production = environment == .production
        let publicURL = env["YISHI_PUBLIC_URL"]
        let sms = env["YISHI_SMS_WEBHOOK_URL"]
        if production {
            if publicURL == nil {
                problems.append("YISHI_PUBLIC_URL is required in production / 生产环境需要 YISHI_PUBLIC_URL")
            }
            if sms == nil {
                problems.append("YISHI_SMS_WEBHOOK_URL is required in production / 生产环境需要短信网关 YISHI_SMS_WEBHOOK_URL")
            }
        }
        let trustedProxies = ClientAddress.parseTrusted(env["YISHI_TRUSTED_PROXIES"] ?? "")
        if case .failure(let bad) = trustedProxies {
            problems.append(
                "YISHI_TRUSTED_PROXIES: not an address or CIDR range / 不是地址或网段: \(bad.entries.joined(separator: ", "))")
        }
        var smsBudget = 1000
        if let text = env["YISHI_SMS_HOURLY_BUDGET"] {
            if let n = Int(text), n >= 0 {
                smsBudget = n
            } else {
                problems.append("YISHI_SMS_HOURLY_BUDGET must be a whole number ≥ 0 / YISHI_SMS_HOURLY_BUDGET 应为非负整数")
            }
        }
        var cost = 10
        if let text = env["YISHI_BCRYPT_COST"] {
            if let n = Int(text), passwordCosts.contains(n) {
                cost = n
            } else {
                problems.append("YISHI_BCRYPT_COST must be 10–16 / YISHI_BCRYPT_COST 应为 10–16")
            }
        }
        guard problems.isEmpty else { throw Problems(list: problems) }
        var settings = Settings(
            database: database, host: host, port: port, publicURL: publicURL, smsWebhookURL: sms,
            developmentPages: !production, showInternalErrors: environment == .development || environment == .testing)
        settings.metricsToken = env["YISHI_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        settings.production = production
        settings.trustedProxies = (try? trustedProxies.get()) ?? []
        settings.smsHourlyBudget = smsBudget
        settings.passwordCost = cost
        settings.operatorName = env["YISHI_OPERATOR_NAME"].flatMap { $0.trimmed.isEmpty ? nil : $0.trimmed }
        settings.operatorContact = env["YISHI_OPERATOR_CONTACT"].flatMap { $0.trimmed.isEmpty ? nil : $0.trimmed }
        return settings
    }
}
