import Foundation
import YishiCore

/// The life-circle atlas's part of the API description.
extension OpenAPIDocument {
    static let atlasOperations: [Operation] = [
        .init(
            method: "get", path: "/api/v1/lifecircle/{code}",
            summary:
                "15-minute life circle of a district, subdistrict or community: shares by type and gaps by compound",
            tag: "lifecircle", response: (200, "LifeCircle"), isPublic: true),
        .init(
            method: "get", path: "/api/v1/lifecircle/{code}/gaps.csv", summary: "The gap list as CSV (UTF-8 with BOM)",
            tag: "lifecircle",
            response: (200, "GapsCSV"), responseType: "text/csv", isPublic: true),
        .init(
            method: "post", path: "/api/v1/lifecircle/{code}/import",
            summary:
                "Queue the import of a district's OpenStreetMap extract (the body is the .osm.pbf or .osm file; ?name= its file name)",
            tag: "lifecircle", body: "OSMExtract", bodyType: "application/octet-stream", response: (202, "Job"),
            query: ["name"]),
        .init(
            method: "put", path: "/api/v1/lifecircle/places/{placeID}/compound",
            summary: "Link a residential area on the map to a territory compound (null unlinks)",
            tag: "lifecircle", body: "PlaceLink", response: (204, nil)),
    ]

    static var atlasSchemas: [String: Any] {
        return [
            "LifeCircle": lifeCircleSchema,
            "GapsCSV": [
                "type": "string",
                "description":
                    "One line per compound: code, name, map names, OSM ids, types missing at the standard distance and within 15 minutes, metres to each type",
            ],
            "OSMExtract": [
                "type": "string", "format": "binary",
                "description": "An OpenStreetMap extract, .osm.pbf or .osm (XML), at most 64 MB",
            ],
            "PlaceLink": object(["compound": opt(string)], required: []),
        ]
    }

    static var lifeCircleSchema: [String: Any] {
        let types = enumeration([
            "bus_stop", "clinic", "culture", "elderly_care", "kindergarten", "market", "park", "pharmacy", "school",
            "sports",
        ])
        let share = object(
            [
                "type": types, "name": string, "radius": number, "atStandard": int, "within15Minutes": int,
                "places": int,
                "shareAtStandard": number, "share15Minutes": number,
            ],
            required: [
                "type", "name", "radius", "atStandard", "within15Minutes", "places", "shareAtStandard",
                "share15Minutes",
            ])
        let compound = object(
            [
                "code": opt(string), "name": opt(string), "mapNames": ["type": "array", "items": string],
                "osm": ["type": "array", "items": string],
                "metres": [
                    "type": "object", "additionalProperties": opt(number),
                    "description": "metres to the nearest facility of each type; null beyond 1,200 m",
                ],
                "missingAtStandard": [
                    "type": "array", "items": object(["type": types, "metres": opt(number)], required: ["type"]),
                ],
                "missing15Minutes": ["type": "array", "items": types],
            ],
            required: ["mapNames", "osm", "metres", "missingAtStandard", "missing15Minutes"])
        let source = object(
            ["file": string, "importedAt": opt(dateTime), "nodes": int, "edges": int, "homes": int, "facilities": int],
            required: ["file", "nodes", "edges", "homes", "facilities"])
        return object(
            [
                "node": ref("Node"), "district": string, "source": opt(source), "fifteenMinutesMetres": number,
                "places": int,
                "shares": ["type": "array", "items": share], "compounds": ["type": "array", "items": compound],
                "compoundsNotOnMap": int,
            ],
            required: [
                "node", "district", "fifteenMinutesMetres", "places", "shares", "compounds", "compoundsNotOnMap",
            ])
    }
}
