import Foundation
import Testing
import Vapor

@testable import YishiApp

@Suite("Reading multipart form bodies")
struct MultipartTests {
    @Test func fieldsAndFilesComeBackByteForByte() throws {
        // Binary content holding CR LF, dashes and most of the boundary must not cut the part.
        let binary = Data([0, 13, 10, 45, 45, 98, 13, 10, 45, 45] + Array("--XYZ".utf8) + (0..<255).map(UInt8.init))
        // Browsers send a quote in a file name as %22.
        let body = multipartBody(
            boundary: "XYZ1",
            [("_csrf", nil, Data("tok".utf8)), ("district", nil, Data("宝山".utf8)), ("file", "a %22b%22.pbf", binary)])
        let form = try #require(MultipartForm.parse(body, boundary: "XYZ1"))
        #expect(form.field("_csrf") == "tok" && form.field("district") == "宝山")
        #expect(form.file("file")?.data == binary && form.file("file")?.filename == "a \"b\".pbf")
        #expect(form.field("file") == nil && form.file("district") == nil && form.field("none") == nil)
    }

    @Test func emptyPartsAndEmptyFormsAreRead() throws {
        let form = try #require(
            MultipartForm.parse(multipartBody(boundary: "b", [("file", "", Data())]), boundary: "b"))
        #expect(form.file("file")?.data.isEmpty == true)
        #expect(MultipartForm.parse(Data("--b--\r\n".utf8), boundary: "b")?.parts.isEmpty == true)
    }

    @Test(arguments: [
        "", "no boundary here", "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nunterminated",
        "--b\r\nContent-Type: text/plain\r\n\r\nv\r\n--b--", "--bX",
    ])
    func malformedBodiesAreRefused(_ text: String) {
        #expect(MultipartForm.parse(Data(text.utf8), boundary: "b") == nil)
    }

    @Test func theBoundaryComesFromTheContentType() {
        #expect(
            MultipartForm.boundary(
                HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": "abc"])) == "abc")
        #expect(MultipartForm.boundary(.json) == nil)
        #expect(MultipartForm.boundary(nil) == nil)
    }
}
