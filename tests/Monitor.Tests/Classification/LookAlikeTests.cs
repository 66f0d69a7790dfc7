using Monitor.Worker.Classification;

namespace Monitor.Tests.Classification;

/// <summary>What the sixth and seventh multilingual batches showed the classifier taking for AI policy: "IA"/"AI" the
/// abbreviation of artificial insemination, avian influenza, Air India or an inspection d'académie; Jebel Jais; songs
/// and clips made with AI, banks' customer service, phone makers, robotaxis; "invest*" catching research; places and
/// languages read as countries. The look-alikes are left to the learned off-topic head (trained on the batch's
/// negatives, tested here on reworded items); the rest are general rules in the taxonomy or the country fallback, not
/// fixes for one item.</summary>
public sealed class LookAlikeTests
{
    [Theory]
    [InlineData("L'insémination artificielle des bovins", "L'insémination artificielle (IA) est la technique de reproduction la plus utilisée par les éleveurs. La réglementation de l'IA a été simplifiée.")]
    [InlineData("La inseminación artificial en ganado", "La inseminación artificial (IA) mejora la genética del rebaño, según los ganaderos.")]
    [InlineData("Artificial insemination programme for dairy farmers", "The AI programme helps farmers improve herd genetics, the ministry said.")]
    [InlineData("고병원성 AI 발생에 방역 강화", "조류인플루엔자(AI)가 산란계 농장에서 확인돼 정부가 이동 제한을 명령했다.")]
    [InlineData("Bird flu: AI outbreak confirmed on a poultry farm", "Avian influenza (AI) was detected and the ministry ordered a cull.")]
    [InlineData("एयर इंडिया की उड़ान AI-171 की जांच रिपोर्ट", "एयर इंडिया के विमान की दुर्घटना की जांच जारी है।")]
    [InlineData("L'IA de Dakar lance les examens du BFEM", "L'inspection d'académie a installé les centres d'examen, a indiqué l'inspecteur d'académie.")]
    public void AnotherMeaningOfAiOrIaIsNotArtificialIntelligence(string title, string text)
    {
        var result = ShippedClassifier.Classify(title, text);

        Assert.False(result.Relevant, string.Join("; ", result.Reasons));
        Assert.DoesNotContain(result.Reasons, r => r.StartsWith("context", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Angèle interprète une chanson qu'elle n'a jamais enregistrée", "Dans un clip vidéo, la chanteuse reprend un titre. Tout a été conçu à partir d'une intelligence artificielle.")]
    [InlineData("La banca apuesta por la IA en la atención al cliente", "Los bancos integran la inteligencia artificial para atender a más clientes.")]
    [InlineData("手机厂商不再比拼大模型参数", "几家手机厂商的开发者大会把焦点放在AI功能体验上,AI手机销量平平。")]
    [InlineData("Tesla readies its robotaxi service in Austin", "The company tested its Full Self-Driving software ahead of the launch of autonomous ride-hailing.")]
    public void SongsBanksPhonesAndRobotaxisThatUseAiAreNotAiPolicy(string title, string text)
    {
        var result = ShippedClassifier.Classify(title, text);

        Assert.False(result.Relevant, $"score {result.Score}: {string.Join("; ", result.Reasons)}");
        Assert.Contains(result.Reasons, r => r.StartsWith("learned:off-topic", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("El gobierno presenta un centro de investigación en inteligencia artificial", "Los investigadores trabajarán en la investigación de modelos de IA.")]
    [InlineData("Regulator opens an investigation into an AI chatbot", "The data protection authority is investigating how the artificial intelligence model uses personal data.")]
    [InlineData("Government evaluation raises the stakes in the AI race", "The safety institute tested artificial intelligence models.")]
    public void ResearchAndInquiriesAreNotInvestment(string title, string text)
    {
        var result = ShippedClassifier.Classify(title, text);

        Assert.True(result.Relevant, $"score {result.Score}: {string.Join("; ", result.Reasons)}");
        Assert.DoesNotContain("investment", result.Topics);
        Assert.DoesNotContain(result.Reasons, r => r.StartsWith("topic:investment", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Madagascar veut tirer profit de l'intelligence artificielle", "La Grande île de l'océan Indien lance un programme de formation à l'IA pour les jeunes.", "MG")]
    [InlineData("Governo brasileiro escolhe modelo de linguagem nacional", "O Brasil vai adotar um grande modelo de linguagem treinado em português para a administração pública.", "BR")]
    [InlineData("Le gouvernement ivoirien publie sa stratégie d'IA en français", "La stratégie nationale d'intelligence artificielle de la Côte d'Ivoire est disponible.", "CI")]
    public void AnOceanOrALanguageIsNotACountry(string title, string text, string country)
    {
        var result = ShippedClassifier.Classify(title, text);

        Assert.Equal([country], result.Countries);
    }

    [Fact]
    public void TheMobileWorldCongressIsNotTheUsCongress()
    {
        var result = ShippedClassifier.Classify(
            "Ministers discuss AI policy at the Mobile World Congress", "The artificial intelligence strategy was presented.", sourceCountry: "NZ");

        Assert.Equal(["NZ"], result.Countries);
    }

    [Theory]
    [InlineData("国家网信办发布人工智能生成合成内容标识办法,这是为了规范发展。", "CN")]
    [InlineData("數位發展部發布人工智慧評測中心,這是為了發展。", null)]
    [InlineData("人工智能", null)]
    public void ChineseSaysChinaOnlyInSimplifiedScript(string text, string? country)
    {
        Assert.Equal(country, LanguageCountry.From("zh", TextNormalizer.Normalize("", text)));
    }

    [Fact]
    public void TheLastCountryHintForSimplifiedChineseIsChina()
    {
        var result = ShippedClassifier.Instance.Classify(new ClassificationInput(
            "《生成式人工智能服务安全基本要求》发布",
            "这项国家标准规定了生成式人工智能服务的安全要求,对训练数据和模型进行安全评估。",
            Language: "zh"));

        Assert.Equal(["CN"], result.Countries);
    }

    [Theory]
    [InlineData("Visitors flock to Jebel Jais as temperatures drop", "The mountain road to Jebel Jais was busy at the weekend.")]
    [InlineData("إقبال على جبل جيس مع انخفاض درجات الحرارة", "شهد جبل جيس زيارات كثيرة.")]
    public void TheMountainJebelJaisIsNotTheJaisModel(string title, string text)
    {
        var result = ShippedClassifier.Classify(title, text);

        Assert.False(result.Relevant, $"score {result.Score}: {string.Join("; ", result.Reasons)}");
        Assert.Empty(result.Models);
    }

    // Ninth batch: "Ai generativa" written with a lower-case i.
    [Fact]
    public void GenerativeAiInItalianIsAiContextWhateverItsCase()
    {
        var result = ShippedClassifier.Classify("Il Garante blocca un'app di Ai generativa", "");

        Assert.Contains(result.Reasons, r => r.StartsWith("context", StringComparison.Ordinal));
    }

    /// <summary>Eleventh batch: AI in games, science prizes, music streaming and stock markets is read as off-topic
    /// evidence in each language.</summary>
    [Theory]
    [InlineData("「竜王戦で…」AI評価値の逆転劇", "将棋の棋士がAIの評価値について語った。", "将棋")]
    [InlineData("'신공지능' 신진서, AI시대 최강 프로기사", "바둑 수법이 AI와 가장 유사하다.", "바둑")]
    [InlineData("올해 노벨 화학상은 인공지능(AI) 단백질 모델 개발자에게", "노벨위원회가 수상자를 발표했다.", "노벨")]
    [InlineData("US tech stocks lose $1 trillion on AI bubble fears", "The stock market sell-off deepened as the S&P 500 fell.", "stock market")]
    [InlineData("„Velvet Sundown“: Spotify-Band entpuppt sich als KI-Musik", "Die Songs wurden mithilfe von KI erzeugt.", "Spotify")]
    [InlineData("الذكاء الاصطناعي ومستقبل الموسيقى العربية", "جلسات علمية حول الموسيقى والذكاء الاصطناعي.", "الموسيقى")]
    [InlineData("竜王戦第4局は藤井竜王が逆転勝ち", "AI超えの一手を解説します。", "竜王戦")]
    [InlineData("La FIFA introduce il fuorigioco semi-automatico", "Un'intelligenza artificiale calcola la posizione del giocatore.", "fuorigioco")]
    public void GamesPrizesMusicAndMarketsAreOffTopicEvidence(string title, string text, string term)
    {
        var (_, evidence) = ShippedClassifier.Instance.Analyze(new ClassificationInput(title, text));

        Assert.Contains(term, evidence.OffTopicTerms);
    }

    /// <summary>Twelfth batch: "LLM" the postgraduate law degree in Portuguese and a chipmaker's quarterly revenue in
    /// German.</summary>
    [Fact]
    public void LlmThePostgraduateLawDegreeIsNotAiContext()
    {
        var (_, evidence) = ShippedClassifier.Instance.Analyze(new ClassificationInput(
            "O LLM é uma pós-graduação para advogados", "O mestrado e o LLM no Brasil são diferentes."));

        Assert.DoesNotContain("LLM", evidence.ContextTerms);
    }

    [Fact]
    public void QuarterlyRevenueInGermanIsOffTopicEvidence()
    {
        var (_, evidence) = ShippedClassifier.Instance.Analyze(new ClassificationInput(
            "Chipkonzern steigert Quartalsumsatz dank KI-Boom", "Der Umsatz lag über dem Vorjahresquartal."));

        Assert.Contains("Quartalsumsatz", evidence.OffTopicTerms);
        Assert.Contains("Vorjahresquartal", evidence.OffTopicTerms);
    }

    /// <summary>Versions of a tracked model written as one word (ChatGLM3) name the model; the first name Boualem
    /// (بوعلام), which holds ALLaM's Arabic alias after two letters read as proclitics, does not.</summary>
    [Theory]
    [InlineData("ChatGLM3-6B", "The lab launched its third-generation large base model ChatGLM3.", "GLM")]
    [InlineData("المدير العام بوعلام سعيداني يعلن افتتاح مدرسة الذكاء الاصطناعي", "المدرسة تستقبل الطلبة في أكتوبر.", null)]
    public void AModelIsNamedByItsVersionsNotByANameHoldingItsAlias(string title, string text, string? model)
    {
        var models = ShippedClassifier.Classify(title, text).Models;

        Assert.Equal(model is null ? [] : [model], models);
    }

    /// <summary>Hindi writes AI with dots (ए.आई.); artificial insemination (कृत्रिम गर्भाधान) keeps its abbreviation.</summary>
    [Fact]
    public void AiWrittenWithDotsInHindiIsAiUnlessItIsInsemination()
    {
        var (_, ai) = ShippedClassifier.Instance.Analyze(new ClassificationInput("पंजाब कैबिनेट का फैसला, अब ए.आई. के जरिए होंगे काम", "कैबिनेट बैठक में फैसले लिए गए।"));
        var (_, insemination) = ShippedClassifier.Instance.Analyze(new ClassificationInput("कृत्रिम गर्भाधान पर प्रशिक्षण", "पशुपालकों को ए.आई गन का उपयोग सिखाया गया।"));

        Assert.Contains("ए.आई", ai.ContextTerms);
        Assert.DoesNotContain("ए.आई", insemination.ContextTerms);
    }
}
