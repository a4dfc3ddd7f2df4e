package no.trygg.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import no.trygg.schemas.codes.Channel;
import no.trygg.schemas.codes.IncidentType;

/**
 * Free-text incident descriptions (beskrivelse) in Norwegian, as a reporter would write them. About 10 % name a
 * (fake) person with a valid national ID number, a few give a phone number or an e-mail address, some contain
 * double quotes and semicolons, and about 3 % a line break — everything a bronze-only free-text column must
 * survive and a personal-data detector must find.
 */
final class Descriptions {

    static final double PERSON_SHARE = 0.10;
    static final double D_NUMBER_SHARE = 0.15;
    static final double PHONE_SHARE = 0.03;
    static final double EMAIL_SHARE = 0.02;
    static final double LINE_BREAK_SHARE = 0.035;
    static final double SEMICOLON_SHARE = 0.05;

    private static final String[] FIRST = {"Ola", "Kari", "Per", "Anne", "Jan", "Ingrid", "Lars", "Marit", "Ahmed",
            "Fatima", "Piotr", "Agnieszka", "Mohammed", "Sara", "Jonas", "Emma", "Kristian", "Nina", "Tor", "Hilde",
            "Bjørn", "Solveig", "Øyvind", "Åse", "Mari", "Espen", "Trude", "Geir", "Line", "Stian", "Hanne",
            "Abdi", "Leyla", "Tomas", "Sigrid"};
    private static final String[] LAST = {"Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
            "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
            "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund",
            "Sørensen", "Ali", "Nowak", "Khan", "Mæhle", "Øien", "Aas", "Strand", "Bakken", "Solberg"};
    private static final String[] MAIL_DOMAINS = {"epost.no", "online.no", "gmail.com", "hotmail.com", "live.no"};

    private static String[] core(IncidentType t) {
        return switch (t) {
            case VERBAL -> new String[] {
                    "Bruker kjeftet på veileder og kalte henne stygge ord.",
                    "Skjelte ut saksbehandler etter avslag på søknad om økonomisk sosialhjelp.",
                    "Bruker ble høylytt og brukte grovt språk mot ansatte.",
                    "Kalte veileder «idiot» og «udugelig» flere ganger.",
                    "Bruker ropte og bannet da han fikk beskjed om ventetid.",
                    "Gjentatte skjellsord rettet mot ansatt; samtalen ble avsluttet.",
                    "Bruker var misfornøyd med vedtaket og skjelte ut veileder."};
            case THREAT -> new String[] {
                    "Bruker truet med å «ta» saksbehandler hvis pengene ikke kom.",
                    "Sa at han visste hvor veileder bor, og at hun burde passe seg.",
                    "Bruker sa: \"Neste gang kommer jeg tilbake, og da skal dere få se.\"",
                    "Truet med å oppsøke ansatt privat etter stans i arbeidsavklaringspenger.",
                    "Bruker slo i bordet og truet med vold mot veileder.",
                    "Truende atferd, nektet å avslutte og måtte bes om å gå flere ganger.",
                    "Truet med å brenne ned NAV-kontoret.",
                    "Bruker sa han skulle \"ordne opp\" med saksbehandler selv."};
            case THREAT_WEAPON -> new String[] {
                    "Bruker viste fram kniv og truet veileder.",
                    "Bruker hadde med seg en hammer og truet med å slå.",
                    "Truet med kniv; vekter og politi tilkalt.",
                    "Bruker tok en saks fra pulten og holdt den mot ansatt.",
                    "Bruker sa han hadde våpen i bilen og at han ville hente det."};
            case SELF_HARM -> new String[] {
                    "Bruker sa at hun ville ta livet sitt hvis utbetalingen ikke kom.",
                    "Uttalte selvmordstanker under samtalen; legevakt kontaktet.",
                    "Bruker skrev: \"Dere har ødelagt livet mitt, jeg orker ikke mer.\"",
                    "Truet med å skade seg selv dersom vedtaket ikke ble endret.",
                    "Bruker fortalte at han hadde lagt en plan for å ta sitt eget liv."};
            case HARASSMENT -> new String[] {
                    "Bruker har sendt en rekke nedsettende meldinger til veileder over flere uker.",
                    "Fotograferte ansatte og la ut bildene på Facebook med navn.",
                    "Bruker ventet på ansatt utenfor kontoret etter arbeidstid.",
                    "Gjentatte seksuelle kommentarer til veileder.",
                    "Bruker ringer flere ganger om dagen og spør etter samme ansatt."};
            case HATE_SPEECH -> new String[] {
                    "Rasistiske ytringer mot ansatt.",
                    "Nedsettende kommentarer om ansattes religion og hudfarge.",
                    "Bruker skrev hatefulle meldinger om «utlendinger som jobber i NAV».",
                    "Homofobe skjellsord rettet mot veileder."};
            case PROPERTY_DAMAGE -> new String[] {
                    "Bruker sparket i stykker en stol på venterommet.",
                    "Knuste glassdøren ved inngangen.",
                    "Kastet PC-skjermen i gulvet.",
                    "Veltet bord og stoler og rev ned oppslag."};
            case PHYSICAL -> new String[] {
                    "Bruker dyttet veileder inn i veggen.",
                    "Slo ansatt i ansiktet med knyttneven.",
                    "Spyttet på ansatt og tok tak i armen hennes.",
                    "Bruker kastet en kaffekopp som traff veileder.",
                    "Sparket ansatt i beinet da han ble bedt om å gå."};
        };
    }

    private static String[] opening(Channel c) {
        return switch (c) {
            case RECEPTION -> new String[] {"I publikumsmottaket:", "I mottaket.", "Ved skranken:"};
            case MEETING_ROOM -> new String[] {"I samtalerom:", "Under avtalt møte:"};
            case PHONE -> new String[] {"Telefonsamtale:", "Under telefonsamtale:", "Innringer:"};
            case DIGITAL -> new String[] {"Melding via Ditt NAV:", "Skriftlig henvendelse:", "I chat:"};
            case HOME_VISIT -> new String[] {"Hjemmebesøk:", "Under hjemmebesøk:"};
            case FIELD_INSPECTION -> new String[] {"Stedlig kontroll:", "Under kontroll på arbeidsplass:"};
            case OUTSIDE -> new String[] {"Utenfor kontoret:", "På parkeringsplassen:", "På vei hjem fra jobb:"};
        };
    }

    private static final String[] AFTERMATH = {"Leder varslet.", "Samtalen ble avsluttet.", "Bruker forlot kontoret.",
            "Debrief med leder samme dag.", "Kollega kom til.", "Bruker har tidligere hendelser.",
            "Saken er meldt til sikkerhetsansvarlig.", "Ansatt fikk tilbud om samtale med bedriftshelsetjenesten."};

    private Descriptions() {
    }

    /** A description for a first version. {@code alarm} adds a note that the alarm was triggered. */
    static String describe(SplittableRandom r, IncidentType type, Channel channel, boolean alarm) {
        List<String> parts = new ArrayList<>();
        if (Rng.chance(r, 0.6)) {
            parts.add(Rng.pick(r, opening(channel)));
        }
        parts.add(Rng.pick(r, core(type)));
        if (alarm) {
            parts.add("Alarmen ble utløst.");
        }
        if (Rng.chance(r, 0.5)) {
            String after = Rng.pick(r, AFTERMATH);
            if (Rng.chance(r, SEMICOLON_SHARE / 0.5)) {
                String last = parts.remove(parts.size() - 1);
                after = last.substring(0, last.length() - 1) + "; " + Character.toLowerCase(after.charAt(0))
                        + after.substring(1);
            }
            parts.add(after);
        }
        if (Rng.chance(r, PERSON_SHARE)) {
            parts.add(personMention(r));
        }
        if (Rng.chance(r, PHONE_SHARE)) {
            String phone = (r.nextBoolean() ? "9" : "4") + Fmt.pad(r.nextInt(10_000_000), 7);
            parts.add(r.nextBoolean() ? "Ringte fra " + phone + "." : "Bruker kan nås på " + phone + ".");
        }
        if (Rng.chance(r, EMAIL_SHARE)) {
            parts.add("Sendte også e-post fra " + email(r) + ".");
        }
        StringBuilder sb = new StringBuilder();
        int breakAt = parts.size() > 1 && Rng.chance(r, LINE_BREAK_SHARE) ? 1 + r.nextInt(parts.size() - 1) : -1;
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sb.append(i == breakAt ? "\n" : " ");
            }
            sb.append(parts.get(i));
        }
        return sb.toString();
    }

    static String personMention(SplittableRandom r) {
        String name = Rng.pick(r, FIRST) + " " + Rng.pick(r, LAST);
        String id = NationalIdNumbers.random(r, D_NUMBER_SHARE);
        return switch (r.nextInt(4)) {
            case 0 -> "Gjelder " + name + ", fnr " + id + ".";
            case 1 -> "Bruker " + name + " (" + id + ") er kjent fra før.";
            case 2 -> name + " f.nr. " + id + " - se tidligere avvik.";
            default -> "Gjelder bruker " + name + " fødselsnr " + id + ".";
        };
    }

    private static String email(SplittableRandom r) {
        String local = ascii(Rng.pick(r, FIRST)) + "." + ascii(Rng.pick(r, LAST));
        if (r.nextBoolean()) {
            local += Rng.between(r, 50, 99);
        }
        return local + "@" + Rng.pick(r, MAIL_DOMAINS);
    }

    private static String ascii(String s) {
        return s.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("å", "a");
    }

    /**
     * The same text with one 'æ', 'ø' or 'å' written as its raw Latin-1 byte (invalid in UTF-8), as when a
     * Latin-1 client's text is pasted into a UTF-8 export.
     */
    static String withLatin1Byte(String text) {
        String from = "æøåÆØÅ";
        int[] bytes = {0xE6, 0xF8, 0xE5, 0xC6, 0xD8, 0xC5};
        for (int i = 0; i < text.length(); i++) {
            int k = from.indexOf(text.charAt(i));
            if (k >= 0) {
                return text.substring(0, i) + CsvOut.raw(bytes[k]) + text.substring(i + 1);
            }
        }
        return text + " Skjedde p" + CsvOut.raw(0xE5) + " kontoret.";
    }
}
