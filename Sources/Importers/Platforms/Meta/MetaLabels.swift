import AccountModel
import Readers

/// Meta localizes the labels inside records (`string_map_data` keys, `label_values` labels)
/// into the account's language, so "Username" arrives as "Nome utente", "Gebruikersnaam" or
/// "Benutzername". A role lists the spellings seen per language; lookups compare folded forms
/// (`JSONValue.foldKey`: case, spaces, `_` and `-` ignored), after mojibake repair.
///
/// The Italian spellings are checked against real exports (the hudi-mocks samples); the
/// Dutch, German, French and Spanish ones are our best knowledge of Meta's translations, not
/// yet checked against real exports. So builders never depend on a label alone: where a label is unknown they fall back on the record's structure (the one value
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
    // Spellings in English, Italian, Dutch, German, then French and Spanish where known.
    static let time = MetaLabelRole(["Time", "Date and time", "Orario", "Data e ora", "Tijd", "Datum en tijd", "Zeit", "Uhrzeit",
                                     "Datum und Uhrzeit", "Heure", "Date et heure", "Hora", "Fecha y hora",
                                     "Saved on", "Salvato il", "Opgeslagen op", "Gespeichert am", "Enregistré le",
                                     "Added Time", "Received on"])
    static let author = MetaLabelRole(["Author", "Autore", "Auteur", "Autor"])
    static let username = MetaLabelRole(["Username", "Nome utente", "Gebruikersnaam", "Benutzername",
                                         "Nom d'utilisateur", "Nombre de usuario"])
    static let name = MetaLabelRole(["Name", "Full name", "Nome", "Naam", "Volledige naam", "Vollständiger Name", "Nom", "Nombre"])
    static let search = MetaLabelRole(["Search", "Cerca", "Ricerca", "Zoeken", "Zoekopdracht", "Suche", "Suchen",
                                       "Recherche", "Búsqueda"])
    static let comment = MetaLabelRole(["Comment", "Commento", "Opmerking", "Reactie", "Kommentar", "Commentaire", "Comentario"])
    static let mediaOwner = MetaLabelRole(["Media Owner", "Proprietario del contenuto multimediale", "Proprietario dei contenuti",
                                           "Eigenaar van media", "Media-eigenaar", "Eigentümer des Mediums", "Medieninhaber",
                                           "Propriétaire du contenu", "Propietario del contenido"])
    static let owner = MetaLabelRole(["Owner", "Proprietario", "Eigenaar", "Eigentümer", "Inhaber", "Propriétaire", "Propietario"])
    static let interest = MetaLabelRole(["Interest", "Interesse", "Intérêt", "Interés"])
    static let url = MetaLabelRole(["URL", "Link", "Href"])
    static let caption = MetaLabelRole(["Caption", "Didascalia", "Bijschrift", "Bildunterschrift", "Légende", "Pie de foto"])
    static let reaction = MetaLabelRole(["Reaction", "Reazione", "Reactietype", "Reaktion", "Réaction", "Reacción"])
    static let events = MetaLabelRole(["Events", "Eventi", "Gebeurtenissen", "Ereignisse", "Événements", "Eventos"])
    static let message = MetaLabelRole(["Message", "Messaggio", "Bericht", "Nachricht", "Publication", "Mensaje"])
    static let event = MetaLabelRole(["Event", "Evento", "Gebeurtenis", "Ereignis", "Événement"])

    /// Profile labels (Instagram's `profile_user`) → the account's identity field names.
    static let identityFields: [(MetaLabelRole, String)] = [
        (username, "username"),
        (name, "display_name"),
        (MetaLabelRole(["Email", "E-mail", "Email address", "Indirizzo e-mail", "Indirizzo email", "E-mailadres",
                        "E-Mail-Adresse", "E-Mail", "Adresse e-mail", "Correo electrónico"]), "email"),
        (MetaLabelRole(["Phone Number", "Phone", "Numero di telefono", "Telefoonnummer", "Telefonnummer",
                        "Numéro de téléphone", "Número de teléfono"]), "phone"),
        (MetaLabelRole(["Date of birth", "Birthday", "Data di nascita", "Geboortedatum", "Geburtsdatum",
                        "Date de naissance", "Fecha de nacimiento"]), "birth_date"),
        (MetaLabelRole(["Gender", "Genere", "Geslacht", "Geschlecht", "Genre", "Sexo"]), "gender"),
        (MetaLabelRole(["Bio", "Biography", "Biografia", "Biografie", "Biographie", "Steckbrief", "Biografía"]), "bio"),
        (MetaLabelRole(["Website", "Sito web", "Site web", "Sitio web"]), "website"),
        (MetaLabelRole(["Private Account", "Account privato", "Privéaccount", "Privé-account", "Privates Konto",
                        "Compte privé", "Cuenta privada"]), "private_account"),
        (MetaLabelRole(["City Name", "City", "Nome della città", "Città", "Plaatsnaam", "Stad", "Stadt", "Name der Stadt",
                        "Ville", "Ciudad"]), "based_in"),
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
