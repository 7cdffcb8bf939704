import Foundation
import YishiCore

/// Accounts' part of the API description.
extension OpenAPIDocument {
    static let accountsOperations: [Operation] = [
        .init(
            method: "get", path: "/api/v1/me", summary: "The signed-in user and their roles", tag: "accounts",
            response: (200, "Me")),
        .init(
            method: "get", path: "/api/v1/tokens",
            summary: "The caller's API tokens (signed-in browser session only: 403 with a token)", tag: "accounts",
            response: (200, "[Token]")),
        .init(
            method: "post", path: "/api/v1/tokens",
            summary:
                "Create an API token with one of the caller's roles (shown once; browser session only, 403 with a token)",
            tag: "accounts", body: "TokenInput", response: (201, "NewToken")),
        .init(
            method: "delete", path: "/api/v1/tokens/{tokenID}",
            summary: "Revoke an API token (browser session only: 403 with a token)", tag: "accounts",
            response: (204, nil)),
        .init(
            method: "get", path: "/api/v1/users", summary: "Users within the caller's scope (administrators)",
            tag: "users", response: (200, "[User]")),
        .init(
            method: "post", path: "/api/v1/users", summary: "Create a staff account", tag: "users", body: "NewStaff",
            response: (201, "User")),
        .init(
            method: "get", path: "/api/v1/users/{userID}", summary: "One user with their roles", tag: "users",
            response: (200, "User")),
        .init(
            method: "post", path: "/api/v1/users/{userID}/grants", summary: "Grant a role at a node", tag: "users",
            body: "GrantInput", response: (201, "User")),
        .init(
            method: "delete", path: "/api/v1/users/{userID}/grants/{grantID}", summary: "Revoke a role", tag: "users",
            response: (204, nil)),
    ]

    static var accountsSchemas: [String: Any] {
        let roles = self.roles
        let grant = object(
            ["id": opt(uuid), "role": roles, "node": opt(string), "nodeName": opt(string)], required: ["role"])
        return [
            "Me": object(
                [
                    "id": uuid, "displayName": string, "kind": enumeration(["staff", "resident"]),
                    "verified": ["type": "boolean"],
                    "grants": ["type": "array", "items": ref("Grant")], "viaToken": ["type": "boolean"],
                ], required: ["id", "displayName", "kind", "verified", "grants", "viaToken"]),
            "Grant": grant,
            "User": object(
                [
                    "id": uuid, "kind": enumeration(["staff", "resident"]), "username": opt(string),
                    "phone": opt(string), "displayName": string,
                    "verified": ["type": "boolean"], "grants": ref("[Grant]"),
                ], required: ["id", "kind", "displayName", "verified", "grants"]),
            "NewStaff": object(
                [
                    "username": string, "displayName": string, "password": ["type": "string", "minLength": 10],
                    "role": opt(roles), "node": opt(string),
                ],
                required: ["username", "displayName", "password"]),
            "GrantInput": object(["role": roles, "node": opt(string)], required: ["role"]),
            "TokenInput": object(["name": string, "role": roles, "node": opt(string)], required: ["name", "role"]),
            "Token": object(
                [
                    "id": uuid, "name": string, "role": roles, "node": opt(string),
                    "lastUsedAt": opt(["type": "string", "format": "date-time"]),
                    "createdAt": opt(["type": "string", "format": "date-time"]),
                ], required: ["id", "name", "role"]),
            "NewToken": object(["token": string, "details": ref("Token")], required: ["token", "details"]),
        ]
    }
}
