import AccountModel
import Readers

/// Meta localizes the labels inside records (`string_map_data` keys, `label_values` labels)
/// into the account's language, so "Username" arrives as "Nome utente", "Gebruikersnaam" or
/// "Benutzername". A role lists the spellings seen per language; lookups compare folded forms
/// (`JSONValue.foldKey`: case, spaces, `_` and `-` ignored), after mojibake repair.
///
/// The Italian spellings are checked against real exports (the hudi-mocks samples); the
/// Dutch, German, French, Spanish, Brazilian Portuguese and Chinese ones are our best knowledge
/// of Meta's translations, not yet checked against real exports. HTML pages carry the same
/// labels in their label cells and are matched against the same roles. So builders never depend on a label alone: where a label is unknown they fall back on the record's structure (the one value
/// without a timestamp, the field that carries the time), so an untranslated language still
/// imports.
struct MetaLabelRole: Sendable {
    let folded: Set<String>

    init(_ spellings: [String]) { folded = Set(spellings.map(JSONValue.foldKey)) }

    func matches(_ label: String?) -> Bool {
        guard let label else { return false }
        return folded.contains(JSONValue.foldKey(label))
    }
}

enum MetaLabels {
    // Spellings in English, Italian, Dutch, German, then French, Spanish, Portuguese (BR) and
    // Chinese where known.
    static let time = MetaLabelRole(["Time", "Date and time", "Orario", "Data e ora", "Tijd", "Datum en tijd", "Zeit", "Uhrzeit",
                                     "Datum und Uhrzeit", "Heure", "Date et heure", "Hora", "Fecha y hora",
                                     "Saved on", "Salvato il", "Opgeslagen op", "Gespeichert am", "Enregistré le",
                                     "Added Time", "Received on", "Hora", "Horário", "Data e hora", "时间", "日期和时间", "時間"])
    static let author = MetaLabelRole(["Author", "Autore", "Auteur", "Autor", "作者"])
    static let username = MetaLabelRole(["Username", "Nome utente", "Gebruikersnaam", "Benutzername",
                                         "Nom d'utilisateur", "Nombre de usuario", "Nome de usuário", "用户名", "用戶名稱"])
    static let name = MetaLabelRole(["Name", "Full name", "Nome", "Naam", "Volledige naam", "Vollständiger Name", "Nom", "Nombre", "Nome completo", "姓名", "名称", "全名"])
    static let search = MetaLabelRole(["Search", "Cerca", "Ricerca", "Zoeken", "Zoekopdracht", "Suche", "Suchen",
                                       "Recherche", "Búsqueda", "Pesquisa", "Pesquisar", "搜索", "搜尋"])
    static let comment = MetaLabelRole(["Comment", "Commento", "Opmerking", "Reactie", "Kommentar", "Commentaire", "Comentario", "Comentário", "评论", "留言"])
    static let mediaOwner = MetaLabelRole(["Media Owner", "Proprietario del contenuto multimediale", "Proprietario dei contenuti",
                                           "Eigenaar van media", "Media-eigenaar", "Eigentümer des Mediums", "Medieninhaber",
                                           "Propriétaire du contenu", "Propietario del contenido",
                                           "Propietario del contenido multimedia", "Proprietário da mídia", "Dono da mídia", "媒体所有者"])
    static let owner = MetaLabelRole(["Owner", "Proprietario", "Eigenaar", "Eigentümer", "Inhaber", "Propriétaire", "Propietario", "Proprietário", "Dono", "所有者"])
    static let interest = MetaLabelRole(["Interest", "Interesse", "Intérêt", "Interés", "兴趣"])
    static let url = MetaLabelRole(["URL", "Link", "Href", "网址", "链接"])
    static let caption = MetaLabelRole(["Caption", "Didascalia", "Bijschrift", "Bildunterschrift", "Légende", "Pie de foto", "Legenda", "说明"])
    static let reaction = MetaLabelRole(["Reaction", "Reazione", "Reactietype", "Reaktion", "Réaction", "Reacción", "Reação", "心情", "回应"])
    static let events = MetaLabelRole(["Events", "Eventi", "Gebeurtenissen", "Ereignisse", "Événements", "Eventos", "事件"])
    static let message = MetaLabelRole(["Message", "Messaggio", "Bericht", "Nachricht", "Publication", "Mensaje", "Mensagem", "消息", "帖子"])
    static let event = MetaLabelRole(["Event", "Evento", "Gebeurtenis", "Ereignis", "Événement", "事件"])

    /// Profile labels (Instagram's `profile_user`) → the account's identity field names.
    static let identityFields: [(MetaLabelRole, String)] = [
        (username, "username"),
        (name, "display_name"),
        (MetaLabelRole(["Email", "E-mail", "Email address", "Indirizzo e-mail", "Indirizzo email", "E-mailadres",
                        "E-Mail-Adresse", "E-Mail", "Adresse e-mail", "Correo electrónico", "Endereço de e-mail",
                        "邮箱", "电子邮箱", "电子邮件地址"]), "email"),
        (MetaLabelRole(["Phone Number", "Phone", "Numero di telefono", "Telefoonnummer", "Telefonnummer",
                        "Numéro de téléphone", "Número de teléfono", "Número de telefone", "Telefone",
                        "手机号", "电话号码"]), "phone"),
        (MetaLabelRole(["Date of birth", "Birthday", "Data di nascita", "Geboortedatum", "Geburtsdatum",
                        "Date de naissance", "Fecha de nacimiento", "Data de nascimento", "生日", "出生日期"]), "birth_date"),
        (MetaLabelRole(["Gender", "Genere", "Geslacht", "Geschlecht", "Genre", "Sexo", "Gênero", "性别"]), "gender"),
        (MetaLabelRole(["Bio", "Biography", "Biografia", "Biografie", "Biographie", "Steckbrief", "Biografía", "个人简介", "简介"]), "bio"),
        (MetaLabelRole(["Website", "Sito web", "Site web", "Sitio web", "Site", "网站"]), "website"),
        (MetaLabelRole(["Private Account", "Account privato", "Privéaccount", "Privé-account", "Privates Konto",
                        "Compte privé", "Cuenta privada", "Conta privada", "私密账户"]), "private_account"),
        (MetaLabelRole(["City Name", "City", "Nome della città", "Città", "Plaatsnaam", "Stad", "Stadt", "Name der Stadt",
                        "Ville", "Ciudad", "Cidade", "城市"]), "based_in"),
    ]

    /// The identity field for a profile label; unknown labels keep their own name in
    /// snake_case so nothing the platform gave is dropped.
    static func identityField(for label: String) -> String {
        identityFields.first { $0.0.matches(label) }?.1 ?? snakeCase(label)
    }

    static func snakeCase(_ label: String) -> String {
        var out = ""
        var pendingUnderscore = false
        for scalar in label.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingUnderscore && !out.isEmpty { out += "_" }
                pendingUnderscore = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingUnderscore = true
            }
        }
        return out.isEmpty ? "field" : out
    }
}
