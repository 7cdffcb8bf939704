/// JSON shapes of /api/v1, one namespace; each capability adds its own in `<Capability>+DTO.swift`.
/// Names follow GLOSSARY.md.
enum DTO {}
