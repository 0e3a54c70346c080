/// The valuation models shipped with pda, as an editable JSON document (`pda ledger
/// --write-value-model FILE` writes it out). Every figure cites its public source; a platform
/// without a sourced figure gets no default.
enum DefaultValuationModels {
    static let json = #"""
    {
      "about": "pda valuation models. Edit the figures or add platforms; every figure must name its source (document, year, region). Use with: pda ledger --value --value-model THIS_FILE",
      "revenuePerUser": [
        {
          "platforms": ["facebook", "instagram"],
          "label": "Meta (Facebook, Instagram) revenue per daily active person",
          "annualRevenue": "164501000000",
          "users": "3350000000",
          "currency": "USD",
          "userMetric": "Family daily active people (DAP), average for December 2024",
          "year": 2024,
          "region": "worldwide",
          "source": "Meta Platforms, Inc., 'Meta Reports Fourth Quarter and Full Year 2024 Results', press release, 29 January 2025 (revenue $164,501 million; DAP 3.35 billion)"
        },
        {
          "platforms": ["reddit"],
          "label": "Reddit revenue per daily active unique",
          "annualRevenue": "1300000000",
          "users": "101700000",
          "currency": "USD",
          "userMetric": "Daily Active Uniques (DAUq), fourth quarter 2024",
          "year": 2024,
          "region": "worldwide",
          "source": "Reddit, Inc., 'Reddit Announces Fourth Quarter and Full Year 2024 Results', press release, 12 February 2025 (full-year revenue $1.3 billion; DAUq 101.7 million)"
        }
      ],
      "attentionWage": {
        "label": "US federal minimum wage",
        "hourlyWage": "7.25",
        "currency": "USD",
        "year": 2009,
        "region": "United States",
        "source": "Fair Labor Standards Act, 29 U.S.C. § 206(a)(1)(C): $7.25 an hour, in force since 24 July 2009"
      }
    }
    """#
}
