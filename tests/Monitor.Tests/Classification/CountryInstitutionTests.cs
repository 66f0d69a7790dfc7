namespace Monitor.Tests.Classification;

/// <summary>The countries named by iso-codes last time are found from their institutions, capitals and demonyms alone,
/// in their own languages and English; names several of them use only follow a country named otherwise.</summary>
public sealed class CountryInstitutionTests
{
    [Theory]
    [InlineData("Le ministère de la Communication, des Télécommunications et du Numérique lance une stratégie d'intelligence artificielle", "Le document a été validé.", "SN")]
    [InlineData("وزارة تكنولوجيات الاتصال تطلق الاستراتيجية الوطنية للذكاء الاصطناعي", "تم عرض الخطة على الحكومة.", "TN")]
    [InlineData("وزارة الاتصالات وتقانة المعلومات تعلن خطة للذكاء الاصطناعي", "تشمل الخطة تدريب الكوادر.", "SY")]
    [InlineData("وزير الدولة لشؤون التكنولوجيا والذكاء الاصطناعي يطلق منصة جديدة", "المنصة تخدم الادارات العامة.", "LB")]
    [InlineData("Ministry of ICT and National Guidance launches an AI policy", "The artificial intelligence policy covers public services.", "UG")]
    [InlineData("Ministry of Technology and Science unveils artificial intelligence strategy", "The strategy was presented in Lusaka.", "ZM")]
    [InlineData("Ethiopian Artificial Intelligence Institute releases an Amharic language model", "The large language model serves public services.", "ET")]
    [InlineData("Ministry of High-Tech Industry presents its AI strategy", "The artificial intelligence plan runs to 2030.", "AM")]
    [InlineData("Ministry of Digital Technologies approves an AI development strategy", "The artificial intelligence strategy was adopted in Tashkent.", "UZ")]
    [InlineData("El MICITT presenta la estrategia nacional de inteligencia artificial", "La estrategia fue presentada en San José.", "CR")]
    [InlineData("AGESIC publica la estrategia de inteligencia artificial", "La agencia actualizó su estrategia de IA.", "UY")]
    [InlineData("Ministério das Comunicações e Transformação Digital lança estratégia de inteligência artificial", "A estratégia foi apresentada em Maputo.", "MZ")]
    [InlineData("Kampala hosts the launch of a national AI strategy", "Officials presented the artificial intelligence strategy.", "UG")]
    [InlineData("Le gouvernement sénégalais adopte une stratégie d'IA", "La stratégie nationale d'intelligence artificielle a été présentée à Dakar.", "SN")]
    [InlineData("The Government of Andhra Pradesh signs an AI university agreement", "The artificial intelligence university will train engineering students.", "IN")]
    [InlineData("L'AMIAD reçoit son supercalculateur classifié", "L'agence développe l'intelligence artificielle pour les armées.", "FR")]
    [InlineData("Le CENADI présente GOV-AI", "La première intelligence artificielle gouvernementale aide les agents administratifs.", "CM")]
    [InlineData("Convenio entre el CRUCH y el ministerio incorpora la inteligencia artificial", "Las universidades enseñarán inteligencia artificial.", "CL")]
    [InlineData("البنتاغون يعمم الذكاء الاصطناعي على اجهزته", "وكيل وزارة الدفاع الاميركية اعلن الخطة.", "US")]
    [InlineData("وافق رئيس مجلس الوزراء محمد شياع السوداني على مبادرة للذكاء الاصطناعي", "تشمل المبادرة تدريب الموظفين.", "IQ")]
    [InlineData("وزارة الاقتصاد الرقمي والريادة تنجز مشاريع الذكاء الاصطناعي", "انجزت الحكومة 20 مشروعا.", "JO")]
    [InlineData("Das Bundeswirtschaftsministerium fördert ein KI-Sprachmodell", "Das offene Sprachmodell für künstliche Intelligenz soll 2026 fertig sein.", "DE")]
    [InlineData("AIセーフティ・インスティテュートが評価ツールを公開", "人工知能の安全性を評価する。", "JP")]
    [InlineData("La Senacyt presenta la estrategia nacional de inteligencia artificial", "La estrategia de IA se consultará con expertos.", "PA")]
    [InlineData("La Grande Île se dote d'une stratégie d'intelligence artificielle", "Le document sera présenté aux ministres.", "MG")]
    [InlineData("通讯及新闻部宣布人工智能人才计划", "计划将培训更多人工智能人才。", "SG")]
    [InlineData("Estratégia de inteligência artificial publicada em Diário da República", "A estratégia prevê novos centros de IA.", "PT")]
    [InlineData("El Ministerio de Ciencia, Tecnología, Conocimiento e Innovación lanza un plan de centros de datos para IA", "El plan fue sometido a consulta.", "CL")]
    [InlineData("El Ministerio de Educación Pública publica una guía de inteligencia artificial para docentes", "La guía de IA llegará a las aulas.", "CR")]
    [InlineData("عمرو طلعت يعلن مبادرة للذكاء الاصطناعي", "تشمل المبادرة تدريب الشباب.", "EG")]
    [InlineData("Amal El Fellah Seghrouchni présente la stratégie d'intelligence artificielle", "La feuille de route prévoit des hubs régionaux.", "MA")]
    [InlineData("Governor Hochul signs an artificial intelligence safety bill", "The AI law covers frontier models.", "US")]
    [InlineData("全國網絡安全標準化技術委員會發布人工智能標準", "標準涵蓋人工智能安全。", "CN")]
    // Eleventh batch: a capital in Korean, a university in Chinese, a president's initials, a Spanish city whose name
    // holds Chile's capital, a demonym in French.
    [InlineData("아디스아바바에 AI 개발센터 개소", "고성능 GPU를 갖춘 인공지능 개발센터가 문을 열었다.", "ET")]
    [InlineData("武汉大学宣布成立人工智能学院", "学院将大幅提升人工智能人才培养规模。", "CN")]
    [InlineData("Lawmakers back PBBM's call for an AI regulatory framework", "The artificial intelligence bill will be filed this month.", "PH")]
    [InlineData("La Universidade de Santiago de Compostela desarrolla un modelo de inteligencia artificial", "El modelo de IA habla gallego.", "ES")]
    [InlineData("Des jeunes Ghanéens formés à l'intelligence artificielle", "La formation en IA a duré trois mois.", "GH")]
    // Twelfth batch: Haiti in French with its capital and central bank, an inflected German name, agencies and
    // ministries named by their own abbreviations, a province.
    [InlineData("Haïti organise un forum sur l'intelligence artificielle", "Les ateliers sur l'IA se tiendront à Port-au-Prince.", "HT")]
    [InlineData("La Banque de la République d'Haïti crée un fonds pour l'intelligence artificielle", "Le fonds d'IA soutiendra les jeunes entreprises.", "HT")]
    [InlineData("Kooperation mit den Vereinigten Arabischen Emiraten bei künstlicher Intelligenz", "Die KI-Zusammenarbeit umfasst Schulungen.", "AE")]
    [InlineData("هيئة الاتصالات وتقنية المعلومات تصدر مبادئ للذكاء الاصطناعي", "المبادئ تخص الجهات العاملة في الذكاء الاصطناعي.", "KW")]
    [InlineData("O INTIC apresenta a proposta de regulamento da inteligência artificial", "A consulta pública sobre a IA decorre até março.", "MZ")]
    [InlineData("Le LNE ouvre un banc d'essai pour l'intelligence artificielle", "Les systèmes d'IA y seront évalués.", "FR")]
    [InlineData("Das DLR gründet ein Institut für KI-Sicherheit", "Das Institut prüft Systeme der künstlichen Intelligenz.", "DE")]
    [InlineData("ФСТЭК разработает требования к системам искусственного интеллекта", "Требования к ИИ вступят в силу в 2027 году.", "RU")]
    [InlineData("數發部推動AI人才培育計畫", "計畫將培育人工智慧應用人才。", "TW")]
    [InlineData("La provincia de Santa Fe aprueba un protocolo de inteligencia artificial", "El protocolo regula el uso de la IA en la administración.", "AR")]
    // Thirteenth batch: Australia in traditional Chinese, Arabic demonyms with the article, India and the UK in
    // Portuguese, Sri Lanka's, Luxembourg's and Jamaica's agencies and office-holders, the international AI safety
    // report and the Council of Europe in a German compound.
    [InlineData("澳洲政府宣布設立AI安全研究所", "研究所將測試人工智慧的風險。", "AU")]
    [InlineData("البرلمان الإيطالي يقر قانونا للذكاء الاصطناعي", "القانون يعاقب على نشر الصور المولدة بالذكاء الاصطناعي.", "IT")]
    [InlineData("الجيش الإسرائيلي يطور أداة ذكاء اصطناعي", "الأداة تشبه شات جي بي تي.", "IL")]
    [InlineData("Ministro apresenta estratégia de IA em Nova Delhi", "A inteligência artificial na saúde foi debatida na Índia.", "IN")]
    [InlineData("Pesquisadores brasileiros apresentam um modelo de inteligência artificial", "O modelo de IA foi treinado em português.", "BR")]
    [InlineData("Relatório publicado pelo governo britânico sobre inteligência artificial", "O relatório trata dos riscos da IA.", "GB")]
    [InlineData("ICTA to lead the national AI policy in the interim", "The artificial intelligence policy workstreams move under the agency.", "LK")]
    [InlineData("LuxProvide stellt die KI-Fabrik MeluXina-AI vor", "Die Fabrik für künstliche Intelligenz wird 2026 eröffnet.", "LU")]
    [InlineData("Dana Morris Dixon announces an artificial intelligence task force", "The AI task force will inform a national policy.", "JM")]
    [InlineData("The International AI Safety Report's second key update", "The report on artificial intelligence risks was published.", "INT")]
    [InlineData("Rösti unterzeichnet die Europaratskonvention", "Die Konvention betrifft künstliche Intelligenz.", "INT")]
    // Fourteenth batch: North Korea in Russian, Serbia in Arabic, a Kuwaiti donor without the article, Kenya in
    // Hindi's other spelling, a German compound demonym, Spain's research agency.
    [InlineData("В КНДР ускорят развитие искусственного интеллекта", "Руководство Северной Кореи поручило расширить применение ИИ.", "KP")]
    [InlineData("صربيا تطلق منصة وطنية للذكاء الاصطناعي", "المنصة تخدم الباحثين في الذكاء الاصطناعي.", "RS")]
    [InlineData("منحة كويتية لمعهد الذكاء الاصطناعي", "تمول مؤسسة خيرية المعهد لتدريب الطلاب على الذكاء الاصطناعي.", "KW")]
    [InlineData("केन्या ने एआई रणनीति जारी की", "सरकार कृत्रिम बुद्धिमत्ता के लिए नई योजना लाई है।", "KE")]
    [InlineData("Bosnisch-herzegowinische Ministerien testen KI-Assistenten", "Die Verwaltung setzt auf künstliche Intelligenz.", "BA")]
    [InlineData("La Agencia Estatal de Investigación financia proyectos de inteligencia artificial", "La convocatoria apoya la investigación en IA.", "ES")]
    public void FindsACountryFromItsInstitutionsCapitalAndDemonym(string title, string text, string country)
    {
        var result = ShippedClassifier.Classify(title, text);

        Assert.Equal([country], result.Countries);
    }

    [Theory]
    [InlineData("Ministry of ICT launches an artificial intelligence strategy", "The AI strategy was adopted by cabinet.")]
    [InlineData("La Asamblea Legislativa aprueba la ley de inteligencia artificial", "La ley regula la IA.")]
    [InlineData("CONATEL publica lineamientos de inteligencia artificial", "Los lineamientos cubren la IA.")]
    [InlineData("L'Assemblée nationale adopte une loi sur l'intelligence artificielle", "La loi encadre l'IA.")]
    [InlineData("Tripoli hosts an artificial intelligence conference", "Officials discussed AI policy.")]
    [InlineData("المملكة تطلق استراتيجية للذكاء الاصطناعي", "تشمل الاستراتيجية تدريب الكوادر.")]
    public void ANameSeveralOfThemUseDecidesNone(string title, string text)
    {
        var result = ShippedClassifier.Classify(title, text, sourceCountry: "NZ");

        Assert.Equal(["NZ"], result.Countries);
    }

    [Theory]
    [InlineData("Ministry of ICT launches an artificial intelligence strategy", "The AI strategy was presented in Kampala by the Ugandan government.", "UG")]
    [InlineData("La Asamblea Legislativa aprueba la ley de inteligencia artificial", "El Salvador regula la IA con la nueva ley.", "SV")]
    [InlineData("CONATEL publica lineamientos de inteligencia artificial", "Paraguay regula la IA en telecomunicaciones.", "PY")]
    [InlineData("L'Assemblée nationale adopte une loi sur l'intelligence artificielle", "Le Bénin encadre l'IA.", "BJ")]
    public void ANameSeveralUseFollowsTheCountryNamedOtherwise(string title, string text, string country)
    {
        var result = ShippedClassifier.Classify(title, text);

        Assert.Equal([country], result.Countries);
    }

    [Theory]
    [InlineData("The Papua New Guinean government adopts a national AI policy", "The artificial intelligence policy was approved.", "PG", "GN")]
    [InlineData("South Sudanese ministry drafts an artificial intelligence policy", "The AI policy will guide public services.", "SS", "SD")]
    [InlineData("New York University researchers release an AI model", "The large language model was trained on public data.", "US", "CA")]
    [InlineData("Le Ministère de la Transition numérique et de la Digitalisation lance un programme d'IA", "Le programme forme les agents publics à l'intelligence artificielle.", "CI", "MA")]
    [InlineData("Bhutan's GovTech Agency pilots an AI assistant", "The artificial intelligence assistant answers citizens.", "BT", "SG")]
    [InlineData("National AI policy institutionalised within the GovTech and Digital Economy Authority", "The artificial intelligence policy stays with ICTA for now.", "LK", "SG")]
    public void AnInstitutionInsideAnotherCountrysNameIsNotThatCountry(string title, string text, string country, string notCountry)
    {
        var result = ShippedClassifier.Classify(title, text);

        Assert.Contains(country, result.Countries);
        Assert.DoesNotContain(notCountry, result.Countries);
    }

    [Fact]
    public void EveryCountryTheTitleNamesByAnInstitutionOrCompanyIsKept()
    {
        // Singapore is named again and again in the text; the title's second party still counts.
        var result = ShippedClassifier.Classify("AI Singapore and Alibaba release SEA-LION v4",
            "Singapore's national large language model programme, AI Singapore, said Singapore will use the model across Singapore's public sector.");

        Assert.Contains("SG", result.Countries);
        Assert.Contains("CN", result.Countries);
    }

    [Fact]
    public void ACountryTheTitleOnlyDescribesNeedsHalfTheBestScore()
    {
        // "European" describes the model; the item is about Germany's ministry.
        var result = ShippedClassifier.Classify("Bundesministerium fördert europäisches KI-Sprachmodell",
            "Das BMFTR und die Bundesregierung in Berlin fördern das Sprachmodell; Deutschland investiert 20 Millionen Euro.");

        Assert.Equal(["DE"], result.Countries);
    }

    /// <summary>Eleventh batch: multinational bodies named in their own languages and a joint abbreviation name their
    /// country; a currency, a software licence and a city's longer name do not.</summary>
    [Theory]
    [InlineData("La CEDEAO forme 200 jeunes à l'intelligence artificielle", "La formation en IA a duré trois mois.", "INT", true)]
    [InlineData("Caribbean Telecommunications Union releases an AI governance report", "The artificial intelligence report recommends harmonised policies.", "INT", true)]
    [InlineData("AIに関するグローバル・パートナーシップが安全性ツールキットを公開", "生成AIの安全性を整理した。", "INT", true)]
    [InlineData("日米両政府、人工知能で協力覚書", "AIの研究協力を進める。", "US", true)]
    [InlineData("Le Sénégal construit un centre d'intelligence artificielle", "Le projet est estimé à 14,5 millions de dollars US, soit 8,23 milliards de francs CFA.", "US", false)]
    [InlineData("وكالة بريطانية تطلق أدوات لاختبار سلامة نماذج الذكاء الاصطناعي", "الأدوات متوفرة بموجب ترخيص مفتوح المصدر، وتحديدًا ترخيص MIT.", "US", false)]
    [InlineData("La Universidade de Santiago de Compostela desarrolla un modelo de inteligencia artificial", "El modelo de IA habla gallego.", "CL", false)]
    // Twelfth batch: "the Kingdom" is Bahrain's (or Jordan's) as much as Saudi Arabia's; China's defence ministry holds
    // Taiwan's name for its own.
    [InlineData("تقرير عن جاهزية مملكة البحرين في الذكاء الاصطناعي", "أشاد التقرير بما حققته المملكة في الذكاء الاصطناعي.", "BH", true)]
    [InlineData("تقرير عن جاهزية مملكة البحرين في الذكاء الاصطناعي", "أشاد التقرير بما حققته المملكة في الذكاء الاصطناعي.", "SA", false)]
    [InlineData("افتتاح مركز بيانات للذكاء الاصطناعي في الأردن", "المركز هو الأكبر في المملكة.", "SA", false)]
    [InlineData("中國國防部回應人工智能軍事化問題", "發言人表示反對人工智能軍事化。", "TW", false)]
    [InlineData("中國國防部回應人工智能軍事化問題", "發言人表示反對人工智能軍事化。", "CN", true)]
    public void ANameCountsForItsCountryOnlyInThatSense(string title, string text, string country, bool named)
    {
        var countries = ShippedClassifier.Classify(title, text).Countries;

        Assert.Equal(named, countries.Contains(country));
    }
}
