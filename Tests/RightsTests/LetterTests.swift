import AccountModel
@testable import Rights
import XCTest

/// The letters say what the law requires, in the chosen language, to the sourced addressee.
final class LetterTests: XCTestCase {
    let today = Day("2026-01-15")!

    func testAGDPRRequestAsksForEveryArticle15Item() throws {
        let data = try CraftedAccount.data()
        let letter = LetterWriter(language: .en, senderName: "Ada").request(try data.contact(.tiktok), law: .gdpr, today: today)
        XCTAssertEqual(letter.to.first, "TikTok Technology Limited")
        for letter15 in ["a", "b", "c", "d", "g"] { XCTAssertTrue(letter.text.contains("Art. 15(1)(\(letter15)) GDPR"), letter15) }
        XCTAssertTrue(letter.text.contains("Art. 15(1)(h)"))
        XCTAssertTrue(letter.text.contains("Art. 15(3) GDPR"))
        XCTAssertTrue(letter.text.contains("Art. 20 GDPR"))
        XCTAssertTrue(letter.text.contains("machine-readable"))
        XCTAssertTrue(letter.text.contains("by 2026-02-16"), "one month, Sunday moved to Monday")
        XCTAssertEqual(letter.via, ["Web form: https://www.tiktok.com/legal/report/privacy"])
    }

    func testGermanAndChineseLetters() throws {
        let data = try CraftedAccount.data()
        let de = LetterWriter(language: .de).request(try data.contact(.instagram), law: .gdpr, today: today)
        XCTAssertTrue(de.text.contains("Art. 15(1)(a) DSGVO"))
        XCTAssertTrue(de.text.contains("maschinenlesbaren"))
        XCTAssertFalse(de.text.contains(" GDPR"), "German letters cite the DSGVO")
        let zh = LetterWriter(language: .zh).request(try data.contact(.xiaohongshu), law: .pipl, today: today)
        XCTAssertTrue(zh.text.contains("第四十五条"))
        XCTAssertTrue(zh.text.contains("GB/T 35273-2020"))
        XCTAssertTrue(zh.text.contains("2026-02-14"))
        XCTAssertEqual(zh.to.first, "行吟信息科技（上海）有限公司")
        XCTAssertTrue(zh.html.hasPrefix("<!doctype html>"))
        XCTAssertTrue(zh.html.contains("<html lang=zh>"))
        XCTAssertTrue(zh.text.contains("（第二十四条、第四十八条）"), "Chinese letters cite the statute's own numbering")
        let en = LetterWriter(language: .en).request(try data.contact(.taobao), law: .pipl, today: today)
        XCTAssertTrue(en.text.contains("(PIPL Art. 24, 48)"))
        XCTAssertFalse(en.text.contains("第二十四条"))
    }

    func testACCPARequestCitesTheStatute() throws {
        let letter = LetterWriter(language: .en).request(try CraftedAccount.data().contact(.youtube), law: .ccpa, today: today)
        for section in ["§1798.110(a)(1)", "§1798.110(a)(2)", "§1798.110(a)(3)", "§1798.110(a)(4)", "§1798.130(a)(2)(A)"] {
            XCTAssertTrue(letter.text.contains(section), section)
        }
        XCTAssertTrue(letter.text.contains("by 2026-03-01"))
    }

    func testAnUnsourcedAddressIsLeftBlankAndSaidSo() throws {
        let letter = LetterWriter(language: .zh).request(try CraftedAccount.data().contact(.douyin), law: .pipl, today: today)
        XCTAssertTrue(letter.text.contains("[邮寄地址：见平台隐私政策“联系我们”]"))
        XCTAssertTrue(letter.notes.contains { $0.contains("does not guess") })
    }

    func testTheComplaintGoesToTheLeadAuthority() throws {
        let data = try CraftedAccount.data()
        let request = DataRequest(id: 3, platform: "tiktok", law: .gdpr, language: "en", purpose: .access, followsRequestID: nil,
                                  createdAt: "x", sentOn: Day("2026-01-15"), extendedOn: nil, receivedOn: nil, answerExportID: nil)
        let authority = try data.authority(for: .tiktok, law: .gdpr)
        XCTAssertEqual(authority.id, "iedpc")
        let letter = try LetterWriter(language: .en).complaint(request, contact: try data.contact(.tiktok), authority: authority, gaps: [], today: Day("2026-02-17")!)
        XCTAssertEqual(letter.to.first, "Data Protection Commission (Ireland)")
        XCTAssertTrue(letter.text.contains("GDPR Art. 77"))
        XCTAssertTrue(letter.text.contains("ended on 2026-02-16"))
        XCTAssertTrue(letter.text.contains("By 2026-02-17 I had received no answer."))
        XCTAssertEqual(try data.authority(for: .tiktok, law: .ccpa).id, "cppa")
        XCTAssertEqual(try data.authority(for: .douyin, law: .pipl).id, "cac")
        XCTAssertThrowsError(try data.authority(for: .douyin, law: .gdpr))
    }

    func testAComplaintAboutAnUnansweredFollowUpStillListsTheGaps() throws {
        let data = try CraftedAccount.data()
        let followUp = DataRequest(id: 2, platform: "tiktok", law: .gdpr, language: "en", purpose: .followUp, followsRequestID: 1,
                                   createdAt: "x", sentOn: Day("2026-03-02"), extendedOn: nil, receivedOn: nil, answerExportID: nil)
        let letter = try LetterWriter(language: .en).complaint(followUp, contact: try data.contact(.tiktok), authority: try data.authority(for: .tiktok, law: .gdpr),
                                                               gaps: ["likes (Art. 15(3) GDPR)"], today: Day("2026-04-10")!)
        XCTAssertTrue(letter.text.contains("By 2026-04-10 I had received no answer."))
        XCTAssertTrue(letter.text.contains("The copy of my data I received is incomplete. It lacks:\n\n- likes (Art. 15(3) GDPR)"), letter.text)
    }

    func testTheFollowUpListsExactlyTheFindings() throws {
        let account = try CraftedAccount()
        try account.export("tiktok", importedAt: "2026-01-01T00:00:00Z", sections: ["activity.like": 2])
        try account.export("tiktok", importedAt: "2026-03-01T00:00:00Z", sections: ["activity.watch": 1])
        let data = try CraftedAccount.data()
        let audit = try XCTUnwrap(CompletenessAudit(store: account.store, data: data).audit(platform: "tiktok"))
        let letter = LetterWriter(language: .en).followUp(audit, contact: try data.contact(.tiktok), receivedOn: Day("2026-03-01"), today: Day("2026-03-02")!)
        guard case .list(let gaps)? = letter.blocks.first(where: { if case .list = $0 { return true } else { return false } }) else {
            return XCTFail("no list of gaps")
        }
        XCTAssertEqual(gaps.count, audit.findings.count)
        XCTAssertTrue(gaps.contains { $0.hasPrefix("likes") && $0.contains("an earlier copy you provided contained it") })
        XCTAssertTrue(letter.text.contains("confirm explicitly that you hold no such data"))
    }

    func testAChineseFollowUpNamesTheGapsInChinese() throws {
        let account = try CraftedAccount()
        try account.export("tiktok", importedAt: "2026-01-01T00:00:00Z", sections: ["activity.like": 2, "activity.watch": 1])
        let latest = try account.export("tiktok", importedAt: "2026-03-01T00:00:00Z", sections: ["activity.watch": 1])
        try account.activity("tiktok", kind: "watch", export: latest, count: 1)
        let data = try CraftedAccount.data()
        let audit = try XCTUnwrap(CompletenessAudit(store: account.store, data: data).audit(platform: "tiktok", law: .gdpr))
        let zh = LetterWriter(language: .zh).gapLines(audit.findings)
        XCTAssertTrue(zh.contains { $0.hasPrefix("点赞记录（") && $0.hasSuffix("您此前提供的副本包含此项") }, zh.joined(separator: "\n"))
        XCTAssertTrue(zh.contains { $0.hasPrefix("每个视频的观看时长") })
        let de = LetterWriter(language: .de).gapLines(audit.findings)
        XCTAssertTrue(de.contains { $0.hasPrefix("Likes (Art. 15(3) DSGVO") })
        XCTAssertTrue(de.contains { $0.hasPrefix("die Kategorien personenbezogener Daten") }, "legal items in German too")
    }

    func testHTMLEscapesWhatItPrints() {
        let letter = Letter(language: .en, to: ["<b>Co</b>"], via: [], date: today, subject: "a & b", blocks: [.paragraph("<script>")], notes: [])
        XCTAssertTrue(letter.html.contains("&lt;b&gt;Co&lt;/b&gt;"))
        XCTAssertFalse(letter.html.contains("<script>"))
    }
}
