import Fluent
import Metrics
import Prometheus
import SQLKit
import Vapor
import YishiCore

/// Health, metrics, the stylesheet and display preferences.
struct SystemRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.health.pathComponents, use: health).anonymous()
        routes.get(Site.metrics.pathComponents, use: metrics).anonymous()
        routes.get(Site.styles.pathComponents, use: styles).anonymous()
        routes.get(Site.preferences.pathComponents, use: Preferences.update)
    }

    struct Health: Content {
        var status: String
        var database: String
    }

    /// 200 when the database answers a query, 503 otherwise.
    func health(req: Request) async throws -> Response {
        do {
            _ = try await (req.db as! any SQLDatabase).raw("SELECT 1 AS ok").first()
            return try await Health(status: "ok", database: "ok").encodeResponse(for: req)
        } catch {
            req.logger.error("health check failed: \(String(reflecting: error))")
            return try await Health(status: "unavailable", database: "unreachable").encodeResponse(
                status: .serviceUnavailable, for: req)
        }
    }

    /// For the machine that runs the server, or a scraper that knows the configured token.
    func metrics(req: Request) async throws -> Response {
        let tokenMatches =
            req.settings.metricsToken.map { expected in
                req.headers.bearerAuthorization.map { constantTimeEqual($0.token, expected) } ?? false
            } ?? false
        guard req.peerIsLoopback || tokenMatches else { throw YishiError.notFound }
        var buffer: [UInt8] = []
        MetricsSetup.registry.emit(into: &buffer)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(data: Data(buffer)))
    }

    func styles(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/css; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: Styles.css))
    }
}

/// Vapor records `http_requests_total` and `http_request_duration_seconds` by method, route
/// pattern and status through swift-metrics; this backs them with a Prometheus registry.
/// The metrics system is process-wide by design, so it is bootstrapped once per process.
enum MetricsSetup {
    static let registry = PrometheusCollectorRegistry()
    private static let once: Void = {
        let factory = PrometheusMetricsFactory(registry: registry)
        MetricsSystem.bootstrap(factory)
    }()
    static func bootstrap() { _ = once }
}
