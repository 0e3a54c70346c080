import Readers
/// Every built-in importer. Adding a platform = one folder under `Platforms/` and one line here
/// (and fixtures under `fixtures/<platform>/`; `RegistryTests` fails when they are missing).
public enum ImporterRegistry {
    public static let builtIn: [any Importer] = [
        InstagramImporter(),
        FacebookImporter(),
        TikTokImporter(),
        YouTubeImporter(),
        RedditImporter(),
        AmazonImporter(),
        XImporter(),
    ]
}
