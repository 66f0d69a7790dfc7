using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Monitor.Worker.Extraction;

/// <summary>
/// Vocabularies that tell content from boilerplate: class/id words (Readability's lists, widened), tags that never
/// hold article text, and short lines that are page furniture in several languages.
/// </summary>
internal static partial class BoilerplateHints
{
    /// <summary>Tags whose whole subtree is never article text.</summary>
    public static readonly FrozenSet<string> JunkTags = FrozenSet.Create(
        StringComparer.Ordinal,
        "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "embed", "video", "audio",
        "map", "nav", "aside", "footer", "button", "input", "select", "textarea", "option", "label", "dialog", "menu",
        "link", "meta", "head", "picture", "img", "source", "frame", "frameset", "applet", "area", "track");

    /// <summary>ARIA roles of page furniture.</summary>
    public static readonly FrozenSet<string> JunkRoles = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "alertdialog",
        "toolbar", "tablist", "tooltip");

    /// <summary>Class/id words of boilerplate that is removed even inside a content-looking container.</summary>
    [GeneratedRegex(@"comment|disqus|\bshare|sharing|social|related|newsletter|cookie|consent|gdpr|breadcrumb|outbrain|taboola|recommend|popup|modal|subscri|signup|sign-up|byline|author-?(bio|info|box)|\btags?\b|tag-?list|taglist|keywords|sr-only|screen-reader|visually-hidden|(?<![\w-])(is-|u-)?hidden(?![\w-])|(?<![\w-])d-none(?![\w-])|jp-relatedposts|sharedaddy|addthis|shariff|further-?reading|read-?more|more-?stories|trending|most-?popular|mostread|most-?read|next-?post|prev-?post|post-?nav|pagination|pager\b|print-?only|skip-?link|skiplink|rating|captcha|login|promo|advert|(?<![\w-])ads?(?![\w])|(?<![\w-])ad[sv]?-|-ads?(?![\w-])|sponsor|banner|newsticker|ticker|toolbar|cta\b|follow-?us|donate|app-?download", RegexOptions.IgnoreCase)]
    public static partial Regex StrongNegative();

    /// <summary>Class/id words of furniture that a content word (article, body, content...) can outweigh.</summary>
    [GeneratedRegex(@"combx|communit|extra|foot|header|legends|menu|remark|replies|rss|shoutbox|sidebar|side-?bar|skyscraper|supplement|widget|\bnav|navigation|navbar|masthead|topbar|top-bar|meta\b|metadata|dateline|timestamp|(?<![a-z])(post-?|entry-?|article-?|news-?)?date(?![\w-])|published|posted-?on|caption|credit|teaser|aside|sticky|overlay|hero|jump|toc\b|table-of-contents|author|profile|avatar|badge|utility|tools|icons?\b|button|btn", RegexOptions.IgnoreCase)]
    public static partial Regex WeakNegative();

    /// <summary>Class/id words of content containers.</summary>
    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|news|detail|rich", RegexOptions.IgnoreCase)]
    public static partial Regex Positive();

    /// <summary>Class/id names of containers that usually hold exactly the article body.</summary>
    [GeneratedRegex(@"(^|[\s_-])(article[_-]?(body|content|text|main|inner|copy|entry|detail)|articlebody|articletext|articlecontent|story[_-]?(body|content|text)|storybody|storycontent|post[_-]?(body|content|text|entry)|postbody|postcontent|entry[_-]?(content|body|text)|content[_-]?(body|text|article)|body[_-]?(text|copy|content)|main[_-]?(text|content)|news[_-]?(text|body|content|detail)|text[_-]?(content|body)|rich[_-]?text|richtext|field[_-]?name[_-]?body|field[_-]?body|single[_-]?(content|post|body)|blog[_-]?(content|post|body|text)|page[_-]?content|article__body|article__content|c-article-body|td-post-content|itemfulltext|item[_-]?fulltext|item-page|content-inner|articleBody|fulltext|mw-parser-output)($|[\s_-])", RegexOptions.IgnoreCase)]
    public static partial Regex BodyContainer();

    /// <summary>Class/id words of comment threads.</summary>
    [GeneratedRegex(@"comment|disqus|repl(y|ies)|respond|discussion|kommentar", RegexOptions.IgnoreCase)]
    public static partial Regex CommentWord();

    /// <summary>CMS taxonomy class tokens such as <c>tag-books</c>, <c>category-news</c>, <c>x_rating-y</c>.</summary>
    [GeneratedRegex(@"(?<=^|\s)[\w]*?(tag|category|cat|format|status|type|rating|topic|term)-[\w-]*", RegexOptions.IgnoreCase)]
    public static partial Regex TaxonomyClass();

    /// <summary>Inline styles that hide an element.</summary>
    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    public static partial Regex HiddenStyle();

    /// <summary>
    /// Headings that open the "more articles" part after an article, in several languages: nothing after them is the
    /// article.
    /// </summary>
    [GeneratedRegex(@"^(das (thema )?könnte (dich|sie|euch) auch interessieren|(das|dies) (könnte|dürfte) (dich|sie) (auch )?interessieren|auch interessant|weitere (artikel|beiträge|meldungen|nachrichten|themen)|mehr zum thema|ähnliche (beiträge|artikel)|verwandte (artikel|beiträge|themen)|passend dazu|zurück zu(r)? (allen meldungen|übersicht)|vorschau auf den nächsten artikel|related( articles| posts| stories| content| news)?|you (may|might) (also )?(like|enjoy)|more (stories|articles|from).*|read (next|more)|recommended( for you)?|further reading|(our )?latest (news|stories|articles|headlines)|top stories|more (news|headlines)|most (read|popular)|trending( now)?|meistgelesen|neueste artikel|aktuelle nachrichten|czytaj (też|także|również)|zobacz (też|także|również)|polecamy|ezek is érdekelhetnek|à lire aussi|a lire aussi|sur le même sujet|vous aimerez aussi|dans la même rubrique|potrebbe interessarti|leggi anche|articoli correlati|te puede interesar|artículos relacionados|noticias relacionadas|lees ook|gerelateerde artikelen|relaterade artiklar|les også)\s*[:.!…]*$", RegexOptions.IgnoreCase)]
    public static partial Regex RelatedHeading();

    /// <summary>Class/id words of an article's lead paragraph.</summary>
    [GeneratedRegex(@"intro|lead|teaser|summary|standfirst|abstract|excerpt|sub-?title|subline|deck\b|vorspann|chapo|chapeau|description|\bdek\b|perex|entradilla|sottotitolo", RegexOptions.IgnoreCase)]
    public static partial Regex Lead();

    /// <summary>Teaser lines pointing to another article, inside or after the text ("Lesen Sie auch: ...").</summary>
    [GeneratedRegex(@"^(mira|mire|lea también|lee también|ver también|lesen sie (auch|mehr)|mehr zum thema|auch interessant|czytaj (też|także|również)|zobacz (też|także)|read (more|also)|also read|see also|related|à lire aussi|a lire aussi|lire aussi|voir aussi|leggi anche|vedi anche|schon gelesen\?)\s*[:>»-]", RegexOptions.IgnoreCase)]
    public static partial Regex TeaserLine();

    /// <summary>Calls to action that close articles: subscribe, follow, download the app, join, donate.</summary>
    [GeneratedRegex(@"subscri|abonn|newsletter|follow (us|the)|folgen sie|folge uns|síguenos|suivez|telegram|whatsapp|youtube|instagram|the app\b|our app|unsere app|download|membership|mitglied werden|werden sie mitglied|unterstützen sie|support (us|our)|donate|spenden|jetzt (bestellen|lesen|testen|abonnieren)|gefällt (dir|ihnen) unser|sie lesen gern|lesen sie (das|die) .{0,30}(magazin|zeitung|ausgabe)|aktuelle ausgabe|already a subscriber|full story", RegexOptions.IgnoreCase)]
    public static partial Regex CallToAction();

    /// <summary>Disclosures and licence notes that frame an article rather than belong to it.</summary>
    [GeneratedRegex(@"advertisers?\b|affiliate|we may receive compensation|independent review process|meinung des autors|nicht (notwendigerweise|unbedingt) die (meinung|auffassung)|opinions? expressed|unter der lizenz|licensed under|lizenziert unter|creative commons|cc[- ]by|alle rechte vorbehalten|all rights reserved|sofern nicht anders (angegeben|ausgewiesen)|blog aus der .{0,30}community", RegexOptions.IgnoreCase)]
    public static partial Regex Disclosure();

    /// <summary>Byline, source and credit lines: a label and a name.</summary>
    [GeneratedRegex(@"^(von|by|par|por|autor(in)?|author|copyright|quelle|source|fuente|fonte|text|redaktion|veröffentlichung|veröffentlicht|published|posted|aktualisiert|updated|kommentare( insgesamt)?|comments|themen|topics|tags|schlagworte|schlagwörter|kategorien?|categories|category|rubrik|aufrufe|views|gelesen|leserbewertung)\s*:", RegexOptions.IgnoreCase)]
    public static partial Regex LabelLine();

    /// <summary>Keyword lists ("Tags: a, b, c").</summary>
    [GeneratedRegex(@"^(tags|schlagworte|schlagwörter|stichworte|stichwörter|etiquetas|mots-clés|parole chiave|tagi|keywords)\b[:\s]", RegexOptions.IgnoreCase)]
    public static partial Regex TagList();

    /// <summary>Picture agency credits.</summary>
    [GeneratedRegex(@"^(©|\(©)|getty ?images|istock|shutterstock|imago|picture.alliance|adobe ?stock|\bdpa\b|\bafp\b|\breuters\b", RegexOptions.IgnoreCase)]
    public static partial Regex AgencyCredit();

    /// <summary>Picture credit lines ("Foto: dpa", "Credit: Getty").</summary>
    [GeneratedRegex(@"^\(?(fotos?|photos?|bild(er)?|image|images|credits?|crédits? photos?|titelbild|titelfoto|bildquelle|fotoquelle|foto ?credit|picture|pictures)\s*(:|©)", RegexOptions.IgnoreCase)]
    public static partial Regex CreditLine();

    /// <summary>Whole short lines that are page furniture rather than article text, in several languages.</summary>
    [GeneratedRegex(@"^[\s\-–—*|•]*(advertisement|advertising|anzeige|werbung|publicité|publicidad|pubblicità|reklama|reclame|sponsored|read more|read also|see also|related( articles| stories| posts)?|more on this( story| topic)?|lesen sie (auch|mehr)|mehr zum thema|weiterlesen|weitere artikel|das könnte sie auch interessieren|lire aussi|à lire aussi|a lire aussi|lire la suite|voir aussi|leer más|lee también|ver también|leggi anche|leggi tutto|czytaj (też|także|więcej)|zobacz (też|także)|share( this)?( article| story| post)?|teilen|partager|compartir|condividi|follow us|folgen sie uns|suivez-nous|click here|sign up|subscribe|abonnieren|s'abonner|newsletter|top stories|most read|most popular|meistgelesen|comments?|kommentare?|commentaires?|comentarios|commenti|komentarze|tags?|schlagworte|print|drucken|imprimer|e-?mail|facebook|twitter|whatsapp|linkedin|pinterest|back to top|nach oben|zurück|retour|loading\.*|wird geladen\.*|war (der|dieser) (artikel|beitrag) (hilfreich|nützlich)\??|(möchten sie|willst du) (den|diesen) (artikel|beitrag) teilen\??|zurück zu(r)? (allen meldungen|übersicht|liste|startseite)|alle angaben ohne gewähr|was this (article|page|post) helpful\??|(rezept|recipe) (drucken|print)|print (recipe|article)|bild anzeigen|view comments|leave a (comment|reply)|\d+ (comments?|kommentare?|commentaires?|comentarios)|antworten|reply|zum artikel|mehr erfahren|learn more|weiterführende informationen|weitere informationen|más información|plus d'informations|ähnliche artikel|ähnliche beiträge)[\s:.!»›>\-–—*|•]*$", RegexOptions.IgnoreCase)]
    public static partial Regex FurnitureLine();
}
