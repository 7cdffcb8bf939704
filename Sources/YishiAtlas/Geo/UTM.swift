import Foundation

/// WGS 84 to UTM (Krüger's series to the sixth order, sub-millimetre within a zone), so that
/// distances, centroids and snapping work in metres as the reference does.
public struct UTM: Sendable, Equatable {
    public var zone: Int
    public var north: Bool

    /// The zone of a longitude (the reference names EPSG:32633 for Neubrandenburg, zone 33 north).
    public static func zone(lon: Double, lat: Double) -> UTM {
        UTM(zone: Int(((lon + 180) / 6).rounded(.down)) + 1, north: lat >= 0)
    }

    public func project(lat: Double, lon: Double) -> (x: Double, y: Double) {
        let a = 6_378_137.0
        let f = 1 / 298.257223563
        let k0 = 0.9996
        let n = f / (2 - f)
        let A = a / (1 + n) * (1 + n * n / 4 + n * n * n * n / 64)
        let alpha = [
            n / 2 - 2 * n * n / 3 + 5 * n * n * n / 16, 13 * n * n / 48 - 3 * n * n * n / 5, 61 * n * n * n / 240,
        ]
        let rad = Double.pi / 180
        let lon0 = Double(zone * 6 - 183) * rad
        let phi = lat * rad
        let lambda = lon * rad - lon0
        let e2 = f * (2 - f)
        let e = e2.squareRoot()
        let t = sinh(atanh(sin(phi)) - e * atanh(e * sin(phi)))
        let xi = atan2(t, cos(lambda))
        let eta = atanh(sin(lambda) / (1 + t * t).squareRoot())
        var x = eta
        var y = xi
        for j in 1...3 {
            let jj = Double(2 * j)
            x += alpha[j - 1] * cos(jj * xi) * sinh(jj * eta)
            y += alpha[j - 1] * sin(jj * xi) * cosh(jj * eta)
        }
        return (500_000 + k0 * A * x, (north ? 0 : 10_000_000) + k0 * A * y)
    }
}
