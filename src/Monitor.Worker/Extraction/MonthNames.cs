using System.Collections.Frozen;

namespace Monitor.Worker.Extraction;

/// <summary>Month names and abbreviations in the languages the monitored sources publish in: the one table for page
/// dates (<see cref="DateTextParser"/>) and feed dates (<see cref="Feeds.FeedDateParser"/>).</summary>
internal static class MonthNames
{
    private static readonly FrozenDictionary<string, int> Months = Build();

    /// <summary>The month number (1-12) of a month word, or 0.</summary>
    public static int Lookup(string word)
        => Months.TryGetValue(word.ToLowerInvariant().TrimEnd('.'), out var month) ? month : 0;

    private static FrozenDictionary<string, int> Build()
    {
        string[][] byMonth =
        [
            ["january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari", "styczeń", "stycznia", "sty", "января", "январь", "янв", "ocak", "leden", "ledna", "tammikuu", "tammikuuta", "ianuarie", "január", "يناير", "كانون الثاني", "ינואר", "ιανουαρίου", "siječnja", "sausio", "січня", "januára", "januar", "jän"],
            ["february", "feb", "februar", "février", "fevrier", "févr", "fév", "febrero", "febbraio", "fevereiro", "februari", "luty", "lutego", "lut", "февраля", "февраль", "фев", "şubat", "únor", "února", "helmikuu", "helmikuuta", "februarie", "február", "فبراير", "شباط", "פברואר", "φεβρουαρίου", "veljače", "vasario", "лютого", "februára", "febr", "fevr", "fev"],
            ["march", "mar", "märz", "mär", "mrz", "mars", "marzo", "março", "maart", "marzec", "marca", "марта", "март", "mart", "březen", "března", "maaliskuu", "maaliskuuta", "martie", "március", "مارس", "آذار", "מרץ", "μαρτίου", "ožujka", "kovo", "березня", "marca", "marts", "márc", "maerz", "marco", "mrt"],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecień", "kwietnia", "kwi", "апреля", "апрель", "апр", "nisan", "duben", "dubna", "huhtikuu", "huhtikuuta", "aprilie", "április", "أبريل", "نيسان", "אפריל", "απριλίου", "travnja", "balandžio", "квітня", "apríla", "ápr"],
            ["may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja", "мая", "май", "mayıs", "květen", "května", "toukokuu", "toukokuuta", "mai", "május", "مايو", "أيار", "מאי", "μαΐου", "svibnja", "gegužės", "травня", "mája", "máj"],
            ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwiec", "czerwca", "cze", "июня", "июнь", "июн", "haziran", "červen", "června", "kesäkuu", "kesäkuuta", "iunie", "június", "يونيو", "حزيران", "יוני", "ιουνίου", "lipnja", "birželio", "червня", "júna", "jún"],
            ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipiec", "lipca", "lip", "июля", "июль", "июл", "temmuz", "červenec", "července", "heinäkuu", "heinäkuuta", "iulie", "július", "يوليو", "تموز", "יולי", "ιουλίου", "srpnja", "liepos", "липня", "júla", "júl"],
            ["august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpień", "sierpnia", "sie", "августа", "август", "авг", "ağustos", "srpen", "srpna", "elokuu", "elokuuta", "august", "augusztus", "أغسطس", "آب", "אוגוסט", "αυγούστου", "kolovoza", "rugpjūčio", "серпня", "augusta", "aug"],
            ["september", "sep", "sept", "septembre", "septiembre", "set", "settembre", "sett", "setembro", "wrzesień", "września", "wrz", "сентября", "сентябрь", "сен", "eylül", "září", "syyskuu", "syyskuuta", "septembrie", "szeptember", "سبتمبر", "أيلول", "ספטמבר", "σεπτεμβρίου", "rujna", "rugsėjo", "вересня", "septembra", "szept", "setiembre"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out", "październik", "października", "paź", "октября", "октябрь", "окт", "ekim", "říjen", "října", "lokakuu", "lokakuuta", "octombrie", "október", "أكتوبر", "تشرين الأول", "אוקטובר", "οκτωβρίου", "spalio", "жовтня", "októbra"],
            ["november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopada", "lis", "studeni", "studenoga", "ноября", "ноябрь", "ноя", "kasım", "listopadu", "marraskuu", "marraskuuta", "noiembrie", "نوفمبر", "تشرين الثاني", "נובמבר", "νοεμβρίου", "studenoga", "lapkričio", "листопада", "novembra"],
            ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "grudzień", "grudnia", "gru", "декабря", "декабрь", "дек", "aralık", "prosinec", "prosince", "joulukuu", "joulukuuta", "decembrie", "ديسمبر", "كانون الأول", "דצמבר", "δεκεμβρίου", "prosinca", "gruodžio", "грудня", "decembra"],
        ];
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < byMonth.Length; i++)
        {
            foreach (var name in byMonth[i])
            {
                map.TryAdd(name, i + 1);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
