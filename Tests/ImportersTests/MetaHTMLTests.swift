import AccountModel
import AccountStore
import Foundation
@testable import Importers
@testable import Readers
import XCTest

/// Meta's HTML exports (`fixtures/instagram/html-*`, `fixtures/facebook/html-*`, written by
/// `fixtures/generate_meta_html.py`), read into the JSON importers' builders.
final class MetaHTMLTests: XCTestCase {
    var temporary: URL!

    override func setUpWithError() throws { temporary = try FixtureSupport.temporaryFolder("meta-html") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: temporary) }

    func run(_ importer: any Importer, _ path: String, format: String, file: StaticString = #filePath, line: UInt = #line) throws -> RecordCollector {
        let export = try ExportReader(path: path)
        let recognition = importer.recognize(export)
        XCTAssertEqual(recognition.format, format, file: file, line: line)
        XCTAssertGreaterThan(recognition.confidence, 0.5, file: file, line: line)
        let sink = RecordCollector()
        try importer.run(export, format: recognition.format, into: sink)
        return sink
    }

    static func local(_ utc: String) -> RecordTime { RecordTime(utc: utc, basis: .naiveLocal) }

    func testInstagramCurrentLayout() throws {
        for path in try FixtureSupport.zipAndFolder(FixtureSupport.fixture("instagram", "html-2024-en"), in: temporary) {
            XCTAssertEqual(FacebookImporter().recognize(try ExportReader(path: path)), .no)
            let sink = try run(InstagramImporter(), path, format: "instagram-html-2024")
            XCTAssertEqual(sink.countsByKind, [
                "photo": 1, "post": 1, "comment": 1, "like": 1, "followed_by": 2, "follow": 1, "search": 1, "ad_view": 1,
                "advertiser": 2, "inferred_topic": 1, "identity": 3,
            ], path)
            let photo = try XCTUnwrap(sink.items(.photo).first)
            XCTAssertEqual(photo.text, "Sunset at the lake & friends")
            XCTAssertEqual(photo.createdAt, Self.local("2024-01-05T22:15:30Z"))
            XCTAssertEqual(photo.media, [MediaReference(entry: "media/posts/202401/sunset.jpg")])
            XCTAssertEqual(photo.locator.description, "your_instagram_activity/content/posts_1.html#box=0")
            XCTAssertEqual(sink.items(.post).first?.media.count, 2)
            let comment = try XCTUnwrap(sink.items(.comment).first)
            XCTAssertEqual(comment.text, "Nice shot!")
            XCTAssertEqual(comment.counterpart, "friend.one")
            XCTAssertEqual(comment.createdAt, Self.local("2024-03-01T09:30:00Z"))
            let like = try XCTUnwrap(sink.activities(.like).first)
            XCTAssertEqual(like.url, "https://www.instagram.com/p/AAA111/")
            XCTAssertEqual(like.text, "friend.two")
            XCTAssertEqual(like.occurredAt, Self.local("2024-03-02T23:00:00Z"))
            XCTAssertEqual(sink.activities(.followedBy).map(\.text), ["friend.one", "friend.two"])
            XCTAssertEqual(sink.activities(.follow).first?.url, "https://www.instagram.com/_u/friend.one")
            XCTAssertEqual(sink.activities(.search).first?.text, "cooking.daily")
            XCTAssertEqual(sink.activities(.adView).first?.text, "Shoe Shop")
            XCTAssertEqual(sink.inferences(.advertiser).map(\.label), ["Shoe Shop", "Travel Co"])
            XCTAssertEqual(sink.identity("username"), ["fixture.owner"])
            XCTAssertEqual(sink.identity("email"), ["owner@example.invalid"])
            // Messages are counted, an unknown page is named with what to request instead.
            XCTAssertEqual(sink.skips(endingWith: "recently_viewed_items.html"), [MetaHTMLWalker.requestJSON])
            XCTAssertTrue(sink.skips.contains { $0.reason == "1 files not read: direct messages are not imported yet" }, "\(sink.skips)")
        }
    }

    func testInstagram2022ItalianLayout() throws {
        let sink = try run(InstagramImporter(), FixtureSupport.fixture("instagram", "html-2022-it").path, format: "instagram-html-2022")
        XCTAssertEqual(sink.countsByKind, ["photo": 1, "comment": 1, "like": 1, "followed_by": 1, "search": 1, "identity": 2])
        XCTAssertEqual(sink.items(.photo).first?.text, "Tramonto")
        XCTAssertEqual(sink.items(.photo).first?.createdAt, Self.local("2022-01-05T22:15:00Z"))
        let comment = try XCTUnwrap(sink.items(.comment).first)
        XCTAssertEqual(comment.text, "Che bello!")
        XCTAssertEqual(comment.counterpart, "amico.uno")
        XCTAssertEqual(sink.activities(.like).first?.occurredAt, Self.local("2022-02-07T20:30:00Z"))
        XCTAssertEqual(sink.activities(.followedBy).first?.occurredAt, Self.local("2021-03-08T07:00:00Z"))
        XCTAssertEqual(sink.activities(.search).first?.text, "cucina.ogni.giorno")
        XCTAssertEqual(sink.activities(.search).first?.occurredAt, Self.local("2022-04-09T18:45:00Z"))
        XCTAssertEqual(sink.identity("username"), ["proprietario.fixture"])
        XCTAssertEqual(sink.identity("display_name"), ["Proprietario Fixture"])
    }

    func testFacebookCurrentLayout() throws {
        for path in try FixtureSupport.zipAndFolder(FixtureSupport.fixture("facebook", "html-2024-en"), in: temporary) {
            XCTAssertEqual(InstagramImporter().recognize(try ExportReader(path: path)), .no)
            let sink = try run(FacebookImporter(), path, format: "facebook-html-2024")
            XCTAssertEqual(sink.countsByKind, [
                "post": 1, "comment": 1, "like": 1, "follow": 1, "search": 1, "off_platform": 2, "ad_interest": 2, "identity": 2,
            ], path)
            let post = try XCTUnwrap(sink.items(.post).first)
            XCTAssertEqual(post.text, "First day at the new job!")
            XCTAssertEqual(post.title, "Fixture Owner updated their status.")
            XCTAssertEqual(post.media, [MediaReference(entry: "your_facebook_activity/posts/media/Album_1/office.jpg")])
            XCTAssertEqual(post.createdAt, Self.local("2024-01-05T22:15:30Z"))
            XCTAssertEqual(sink.items(.comment).first?.text, "Congratulations!")
            XCTAssertEqual(sink.activities(.like).first?.detail?["reaction"], .string("LIKE"))
            XCTAssertEqual(sink.activities(.follow).first?.detail?["relation"], .string("friend"))
            XCTAssertEqual(sink.activities(.search).first?.text, "bike repair")
            let offPlatform = sink.activities(.offPlatform)
            XCTAssertEqual(offPlatform.map(\.text), ["shoes.example", "shoes.example"])
            XCTAssertEqual(offPlatform.map { $0.detail?["event"] }, [.string("PURCHASE"), .string("PAGE_VIEW")])
            XCTAssertEqual(offPlatform.map(\.occurredAt?.utc), ["2024-04-01T10:00:00Z", "2024-04-02T11:00:00Z"])
            XCTAssertEqual(sink.inferences(.adInterest).map(\.label), ["Cycling", "Coffee"])
            XCTAssertEqual(sink.identity("display_name"), ["Fixture Owner"])
            XCTAssertEqual(sink.skips(endingWith: "items_sold.html"), [MetaHTMLWalker.requestJSON])
        }
    }

    /// The label/value cells in each language the HTML importers list: a comment page, a search
    /// page and the profile, with the language's labels and Meta's month abbreviations.
    func testLabelLanguages() throws {
        let languages: [(code: String, comment: String, owner: String, time: String, search: String, username: String, written: String)] = [
            ("en", "Comment", "Media Owner", "Time", "Search", "Username", "Jan 05, 2024 10:15:30 pm"),
            ("it", "Commento", "Proprietario del contenuto multimediale", "Orario", "Cerca", "Nome utente", "gen 05, 2024 10:15:30 pm"),
            ("pt-br", "Comentário", "Proprietário da mídia", "Horário", "Pesquisa", "Nome de usuário", "jan 05, 2024 10:15:30 pm"),
            ("de", "Kommentar", "Eigentümer des Mediums", "Zeit", "Suche", "Benutzername", "Jan. 05, 2024 10:15:30 pm"),
            ("es", "Comentario", "Propietario del contenido", "Hora", "Búsqueda", "Nombre de usuario", "ene 05, 2024 10:15:30 p. m."),
            ("nl", "Opmerking", "Eigenaar van media", "Tijd", "Zoeken", "Gebruikersnaam", "jan 05, 2024 10:15:30 pm"),
            ("zh", "评论", "媒体所有者", "时间", "搜索", "用户名", "1月 05, 2024 10:15:30 下午"),
        ]
        for language in languages {
            let root = temporary.appendingPathComponent(language.code)
            func write(_ path: String, _ rows: [(String, String)]) throws {
                let cells = rows.map { #"<tr><td class="_2pin _a6_q">\#($0.0)</td><td class="_2pin _2piu _a6_r">\#($0.1)</td></tr>"# }.joined()
                let page = #"<html><body><div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder"><div class="_3-95 _a6-p"><table>"#
                    + cells + "</table></div></div></body></html>"
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try page.write(to: url, atomically: true, encoding: .utf8)
            }
            try write("your_instagram_activity/comments/post_comments_1.html",
                      [(language.comment, "texto \(language.code)"), (language.owner, "owner.\(language.code)"), (language.time, language.written)])
            try write("logged_information/recent_searches/account_searches.html", [(language.search, "term.\(language.code)"), (language.time, language.written)])
            try write("personal_information/personal_information/personal_information.html", [(language.username, "user.\(language.code)")])
            let sink = try run(InstagramImporter(), root.path, format: "instagram-html-2024")
            let comment = try XCTUnwrap(sink.items(.comment).first, language.code)
            XCTAssertEqual(comment.text, "texto \(language.code)", language.code)
            XCTAssertEqual(comment.counterpart, "owner.\(language.code)", language.code)
            XCTAssertEqual(comment.createdAt, Self.local("2024-01-05T22:15:30Z"), language.code)
            XCTAssertEqual(sink.activities(.search).first?.text, "term.\(language.code)", language.code)
            XCTAssertEqual(sink.activities(.search).first?.occurredAt, Self.local("2024-01-05T22:15:30Z"), language.code)
            XCTAssertEqual(sink.identity("username"), ["user.\(language.code)"], language.code)
        }
    }
}
