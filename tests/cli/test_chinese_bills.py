"""Chinese payment bills through the CLI: recognized without --mapping, refunds net, CNY per platform."""
import json

import jsonschema

from conftest import ROOT

BILLS = ["fixtures/alipay/bill-2024", "fixtures/wechat_pay/bill-2024", "fixtures/jd/bill-2024", "fixtures/meituan/bill-2024"]


def test_bills_become_commerce_per_platform_in_cny(pda):
    r = pda("import", *BILLS)
    assert r.code == 0, r.err
    for mapping in ["alipay-bill", "wechat-pay-bill", "jd-bill", "meituan-bill"]:
        assert mapping in r.out, r.out
    ledger = pda("ledger", "--json").json()
    jsonschema.validate(ledger, json.loads((ROOT / "schemas/ledger.schema.json").read_text()))
    commerce = {(m["platform"], m["currency"]): (m["amount"], m["count"], m["refunds"]) for m in ledger["commerce"]}
    assert commerce == {
        ("alipay", "CNY"): ("154.96", 6, 1),
        ("wechat_pay", "CNY"): ("93.90", 5, 1),
        ("jd", "CNY"): ("117.70", 4, 1),
        ("meituan", "CNY"): ("84.90", 3, 1),
    }
    text = pda("ledger").out
    assert "money: 154.96 CNY in 6 purchase records on Alipay 支付宝, net of 1 refund(s)" in text, text
    assert "money: 93.90 CNY in 5 purchase records on WeChat Pay 微信支付, net of 1 refund(s)" in text, text
    again = pda("import", *BILLS, "--json")
    assert again.code == 0 and {x["status"] for x in again.json()} == {"already_imported"}


def test_cut_bill_warns_by_count(pda):
    r = pda("import", "fixtures/alipay/bill-2024-cut")
    assert r.code == 0, r.err
    out = r.out + r.err
    assert "the bill states 12 records but 11 were read" in out, out
    assert "199.96" not in out and "208.88" not in out
