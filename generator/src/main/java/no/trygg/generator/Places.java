package no.trygg.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reference list of 250 local NAV offices in real Norwegian municipalities, each with its municipality number
 * and county from before the 2018–2024 county reforms (pre-2018 numbering, county 13 never existed), and an
 * approximate population in thousands (around 2017) that drives the office's size. Oslo, Bergen and Trondheim
 * have one office per city district. Synthetic data: sizes and everything else are generated.
 */
final class Places {

    /**
     * @param officeName   the office's name without "NAV ", e.g. "Moss" or "Gamle Oslo"
     * @param municipality the municipality's name
     * @param number       pre-2018 municipality number (4 digits; the first two are the county)
     * @param population   inhabitants of the catchment area, in thousands (approximate)
     */
    record Place(String officeName, String municipality, String number, double population) {

        String county() {
            return number.substring(0, 2);
        }

        boolean urban() {
            return URBAN.contains(municipality);
        }
    }

    /** Municipalities treated as big-city (urban factor 1.5 in exposure). */
    static final Set<String> URBAN = Set.of("Oslo", "Bergen", "Trondheim", "Stavanger", "Kristiansand", "Tromsø");

    /** The 250 local offices, ordered by county and municipality number. */
    static final List<Place> OFFICES;

    /** Further real municipalities, not in {@link #OFFICES}, for plausible names in defect rows. */
    static final List<Place> EXTRA;

    private static final String[][] OFFICE_TABLE = {
            // 01 Østfold
            {"Halden", "0101", "31"}, {"Moss", "0104", "32"}, {"Sarpsborg", "0105", "55"},
            {"Fredrikstad", "0106", "81"}, {"Hvaler", "0111", "4.5"}, {"Aremark", "0118", "1.4"},
            {"Marker", "0119", "3.6"}, {"Trøgstad", "0122", "5.3"}, {"Spydeberg", "0123", "5.9"},
            {"Askim", "0124", "15.9"}, {"Eidsberg", "0125", "11.4"}, {"Skiptvet", "0127", "3.8"},
            {"Rakkestad", "0128", "8.2"}, {"Råde", "0135", "7.4"}, {"Rygge", "0136", "15.5"},
            // 02 Akershus
            {"Vestby", "0211", "17"}, {"Ski", "0213", "30.5"}, {"Ås", "0214", "19.5"}, {"Frogn", "0215", "15.7"},
            {"Nesodden", "0216", "19"}, {"Oppegård", "0217", "26.8"}, {"Bærum", "0219", "124"},
            {"Asker", "0220", "61"}, {"Aurskog-Høland", "0221", "16"}, {"Rælingen", "0228", "17.6"},
            {"Enebakk", "0229", "11"}, {"Lørenskog", "0230", "38"}, {"Skedsmo", "0231", "54"},
            {"Nittedal", "0233", "23.5"}, {"Ullensaker", "0235", "36"}, {"Nes", "0236", "21"},
            {"Eidsvoll", "0237", "25"}, {"Nannestad", "0238", "13.5"},
            // 03 Oslo: one office per city district
            {"Gamle Oslo", "0301", "58", "Oslo"}, {"Grünerløkka", "0301", "62", "Oslo"},
            {"Sagene", "0301", "45", "Oslo"}, {"St. Hanshaugen", "0301", "38", "Oslo"},
            {"Frogner", "0301", "59", "Oslo"}, {"Ullern", "0301", "34", "Oslo"},
            {"Vestre Aker", "0301", "50", "Oslo"}, {"Nordre Aker", "0301", "52", "Oslo"},
            {"Bjerke", "0301", "33", "Oslo"}, {"Grorud", "0301", "27", "Oslo"}, {"Stovner", "0301", "33", "Oslo"},
            {"Alna", "0301", "49", "Oslo"}, {"Østensjø", "0301", "50", "Oslo"},
            {"Nordstrand", "0301", "52", "Oslo"}, {"Søndre Nordstrand", "0301", "39", "Oslo"},
            // 04 Hedmark
            {"Kongsvinger", "0402", "17.9"}, {"Hamar", "0403", "30.5"}, {"Ringsaker", "0412", "34"},
            {"Løten", "0415", "7.6"}, {"Stange", "0417", "20.5"}, {"Nord-Odal", "0418", "5"},
            {"Sør-Odal", "0419", "7.9"}, {"Eidskog", "0420", "6.1"}, {"Grue", "0423", "4.7"},
            {"Åsnes", "0425", "7.3"}, {"Elverum", "0427", "21"}, {"Trysil", "0428", "6.6"},
            {"Tynset", "0437", "5.6"},
            // 05 Oppland
            {"Lillehammer", "0501", "28"}, {"Gjøvik", "0502", "30.5"}, {"Dovre", "0511", "2.6"},
            {"Nord-Fron", "0516", "5.7"}, {"Sel", "0517", "5.8"}, {"Ringebu", "0520", "4.4"},
            {"Øyer", "0521", "5.1"}, {"Østre Toten", "0528", "14.8"}, {"Vestre Toten", "0529", "13.4"},
            {"Gran", "0534", "13.6"}, {"Nord-Aurdal", "0542", "6.4"},
            // 06 Buskerud
            {"Drammen", "0602", "68"}, {"Kongsberg", "0604", "27"}, {"Ringerike", "0605", "30"},
            {"Hole", "0612", "6.8"}, {"Gol", "0617", "4.6"}, {"Ål", "0619", "4.7"}, {"Hol", "0620", "4.5"},
            {"Sigdal", "0621", "3.5"}, {"Modum", "0623", "14"}, {"Øvre Eiker", "0624", "19"},
            {"Nedre Eiker", "0625", "25"}, {"Lier", "0626", "26"}, {"Røyken", "0627", "22"},
            // 07 Vestfold
            {"Horten", "0701", "27"}, {"Holmestrand", "0702", "10.7"}, {"Tønsberg", "0704", "43"},
            {"Sandefjord", "0706", "62"}, {"Larvik", "0709", "43.5"}, {"Svelvik", "0711", "6.6"},
            {"Sande", "0713", "9"}, {"Re", "0716", "9.5"}, {"Nøtterøy", "0722", "21.8"}, {"Tjøme", "0723", "4.9"},
            // 08 Telemark
            {"Porsgrunn", "0805", "36"}, {"Skien", "0806", "54"}, {"Notodden", "0807", "12.6"},
            {"Bamble", "0814", "14"}, {"Kragerø", "0815", "10.4"}, {"Nome", "0819", "6.5"}, {"Bø", "0821", "6.2"},
            {"Tinn", "0826", "5.8"}, {"Seljord", "0828", "3"}, {"Vinje", "0834", "3.7"},
            // 09 Aust-Agder
            {"Risør", "0901", "6.9"}, {"Grimstad", "0904", "22.9"}, {"Arendal", "0906", "44.6"},
            {"Tvedestrand", "0914", "6"}, {"Froland", "0919", "5.8"}, {"Lillesand", "0926", "10.9"},
            {"Birkenes", "0928", "5.1"}, {"Åmli", "0929", "1.8"}, {"Evje og Hornnes", "0937", "3.6"},
            // 10 Vest-Agder
            {"Kristiansand", "1001", "91"}, {"Mandal", "1002", "15.6"}, {"Farsund", "1003", "9.7"},
            {"Flekkefjord", "1004", "9.1"}, {"Vennesla", "1014", "14.5"}, {"Søgne", "1018", "11.4"},
            {"Lindesnes", "1029", "4.9"}, {"Lyngdal", "1032", "8.4"}, {"Kvinesdal", "1037", "5.9"},
            {"Sirdal", "1046", "1.8"},
            // 11 Rogaland
            {"Eigersund", "1101", "14.8"}, {"Sandnes", "1102", "76"}, {"Stavanger", "1103", "133"},
            {"Haugesund", "1106", "37"}, {"Hå", "1119", "18.6"}, {"Klepp", "1120", "19"}, {"Time", "1121", "18.7"},
            {"Gjesdal", "1122", "11.7"}, {"Sola", "1124", "26"}, {"Randaberg", "1127", "11"},
            {"Strand", "1130", "12.6"}, {"Suldal", "1134", "3.9"}, {"Sauda", "1135", "4.7"},
            {"Tysvær", "1146", "11"}, {"Karmøy", "1149", "42"}, {"Vindafjord", "1160", "8.8"},
            // 12 Hordaland: Bergen has one office per city district
            {"Årstad", "1201", "40", "Bergen"}, {"Bergenhus", "1201", "40", "Bergen"},
            {"Fana", "1201", "40", "Bergen"}, {"Fyllingsdalen", "1201", "30", "Bergen"},
            {"Laksevåg", "1201", "40", "Bergen"}, {"Ytrebygda", "1201", "29", "Bergen"},
            {"Åsane", "1201", "42", "Bergen"}, {"Arna", "1201", "13", "Bergen"},
            {"Etne", "1211", "4"}, {"Sveio", "1216", "5.7"}, {"Bømlo", "1219", "11.9"}, {"Stord", "1221", "18.8"},
            {"Kvinnherad", "1224", "13.1"}, {"Odda", "1228", "7"}, {"Voss", "1235", "15"}, {"Kvam", "1238", "8.5"},
            {"Os", "1243", "20"}, {"Fjell", "1246", "25.8"}, {"Askøy", "1247", "28.7"},
            {"Osterøy", "1253", "8.1"}, {"Lindås", "1263", "15.8"},
            // 14 Sogn og Fjordane
            {"Flora", "1401", "11.9"}, {"Gulen", "1411", "2.3"}, {"Høyanger", "1416", "4.2"},
            {"Sogndal", "1420", "8"}, {"Lærdal", "1422", "2.2"}, {"Årdal", "1424", "5.4"}, {"Luster", "1426", "5.2"},
            {"Førde", "1432", "12.8"}, {"Vågsøy", "1439", "6"}, {"Gloppen", "1445", "5.8"}, {"Stryn", "1449", "7.2"},
            // 15 Møre og Romsdal
            {"Molde", "1502", "27"}, {"Ålesund", "1504", "47"}, {"Kristiansund", "1505", "24.5"},
            {"Herøy", "1515", "8.9"}, {"Ulstein", "1516", "8.5"}, {"Volda", "1519", "9"}, {"Ørsta", "1520", "10.8"},
            {"Stranda", "1525", "4.6"}, {"Sykkylven", "1528", "7.7"}, {"Sula", "1531", "9.2"},
            {"Giske", "1532", "8.3"}, {"Vestnes", "1535", "6.7"}, {"Rauma", "1539", "7.5"},
            {"Fræna", "1548", "9.8"}, {"Sunndal", "1563", "7.1"},
            // 16 Sør-Trøndelag: Trondheim has four offices
            {"Falkenborg", "1601", "50", "Trondheim"}, {"Heimdal", "1601", "45", "Trondheim"},
            {"Lerkendal", "1601", "50", "Trondheim"}, {"Midtbyen", "1601", "45", "Trondheim"},
            {"Hitra", "1617", "4.7"}, {"Frøya", "1620", "5"}, {"Ørland", "1621", "5.2"}, {"Rissa", "1624", "6.6"},
            {"Oppdal", "1634", "6.9"}, {"Orkdal", "1638", "12.1"}, {"Røros", "1640", "5.6"},
            {"Midtre Gauldal", "1648", "6.3"}, {"Melhus", "1653", "16.4"}, {"Skaun", "1657", "7.9"},
            {"Malvik", "1663", "13.9"}, {"Selbu", "1664", "4.1"},
            // 17 Nord-Trøndelag
            {"Steinkjer", "1702", "21.9"}, {"Namsos", "1703", "13"}, {"Meråker", "1711", "2.5"},
            {"Stjørdal", "1714", "23.6"}, {"Levanger", "1719", "20"}, {"Verdal", "1721", "14.8"},
            {"Snåsa", "1736", "2.1"}, {"Grong", "1742", "2.4"}, {"Vikna", "1750", "4.5"}, {"Inderøy", "1756", "6.8"},
            // 18 Nordland
            {"Bodø", "1804", "51"}, {"Narvik", "1805", "18.8"}, {"Brønnøy", "1813", "7.9"},
            {"Alstahaug", "1820", "7.4"}, {"Vefsn", "1824", "13.4"}, {"Hemnes", "1832", "4.5"},
            {"Rana", "1833", "26.2"},
            {"Meløy", "1837", "6.4"}, {"Saltdal", "1840", "4.7"}, {"Fauske", "1841", "9.8"},
            {"Vestvågøy", "1860", "11.4"}, {"Vågan", "1865", "9.6"}, {"Hadsel", "1866", "8.1"},
            {"Sortland", "1870", "10.5"}, {"Andøy", "1871", "4.8"},
            // 19 Troms
            {"Tromsø", "1902", "76"}, {"Harstad", "1903", "24.8"}, {"Kvæfjord", "1911", "3"},
            {"Skånland", "1913", "3"}, {"Bardu", "1922", "4"}, {"Salangen", "1923", "2.2"},
            {"Målselv", "1924", "6.7"}, {"Lenvik", "1931", "11.6"}, {"Balsfjord", "1933", "5.6"},
            {"Lyngen", "1938", "2.8"}, {"Skjervøy", "1941", "2.9"}, {"Nordreisa", "1942", "4.9"},
            // 20 Finnmark
            {"Vardø", "2002", "2.1"}, {"Vadsø", "2003", "6.1"}, {"Hammerfest", "2004", "10.5"},
            {"Kautokeino", "2011", "2.9"}, {"Alta", "2012", "20.6"}, {"Nordkapp", "2019", "3.2"},
            {"Porsanger", "2020", "3.9"}, {"Karasjok", "2021", "2.7"}, {"Tana", "2025", "2.9"},
            {"Sør-Varanger", "2030", "10.2"},
    };

    private static final String[][] EXTRA_TABLE = {
            {"Hobøl", "0138", "5.6"}, {"Rømskog", "0121", "0.7"}, {"Gjerdrum", "0234", "6.6"},
            {"Hurdal", "0239", "2.9"}, {"Sørum", "0226", "17.5"}, {"Fet", "0227", "11.3"}, {"Åmot", "0429", "4.4"},
            {"Engerdal", "0434", "1.3"}, {"Skjåk", "0513", "2.2"}, {"Lom", "0514", "2.3"}, {"Vågå", "0515", "3.6"},
            {"Flå", "0615", "1.1"}, {"Rollag", "0632", "1.4"}, {"Hurum", "0628", "9.4"}, {"Siljan", "0811", "2.4"},
            {"Drangedal", "0817", "4.1"}, {"Fyresdal", "0831", "1.3"}, {"Gjerstad", "0911", "2.5"},
            {"Bykle", "0941", "1"}, {"Åseral", "1026", "0.9"}, {"Songdalen", "1017", "6.5"},
            {"Kvitsøy", "1144", "0.5"}, {"Utsira", "1151", "0.2"}, {"Sokndal", "1111", "3.3"},
            {"Fedje", "1265", "0.6"}, {"Modalen", "1252", "0.4"}, {"Austevoll", "1244", "5.2"},
            {"Solund", "1412", "0.8"}, {"Aurland", "1421", "1.8"}, {"Smøla", "1573", "2.2"}, {"Aure", "1576", "3.6"},
            {"Tydal", "1665", "0.9"}, {"Hemne", "1612", "4.2"}, {"Leka", "1755", "0.6"}, {"Røst", "1856", "0.5"},
            {"Træna", "1835", "0.5"}, {"Steigen", "1848", "2.6"}, {"Karlsøy", "1936", "2.3"},
            {"Hasvik", "2015", "1"},
    };

    static {
        OFFICES = List.copyOf(parse(OFFICE_TABLE));
        EXTRA = List.copyOf(parse(EXTRA_TABLE));
    }

    private Places() {
    }

    private static List<Place> parse(String[][] table) {
        List<Place> out = new ArrayList<>(table.length);
        for (String[] row : table) {
            String municipality = row.length > 3 ? row[3] : row[0];
            out.add(new Place(row[0], municipality, row[1], Double.parseDouble(row[2])));
        }
        return out;
    }
}
