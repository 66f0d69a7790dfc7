using Monitor.Worker.Classification;

namespace Monitor.Tests.Classification;

/// <summary>Phrases in each required language and topic (written for these tests) must be relevant and carry the topic.</summary>
public sealed class ClassifierPhraseTests
{
    [Theory]
    // English
    [InlineData("en", "Government unveils national AI strategy", "The plan sets out a roadmap for artificial intelligence adoption across public services.", "strategy")]
    [InlineData("en", "Parliament passes AI Act", "The law on artificial intelligence enters into force next year, with fines for non-compliance.", "regulation")]
    [InlineData("en", "Ministry announces $2 billion AI investment fund", "The funding will support artificial intelligence start-ups through grants.", "investment")]
    [InlineData("en", "New national supercomputer for AI research", "The GPU cluster will give researchers compute to train artificial intelligence models.", "infrastructure")]
    [InlineData("en", "AI Safety Institute publishes evaluation results", "The institute ran red teaming tests on frontier AI models.", "safety")]
    [InlineData("en", "Defence ministry adopts AI for military logistics", "The armed forces will use artificial intelligence for battlefield planning.", "defense")]
    [InlineData("en", "Consortium releases sovereign LLM trained from scratch", "The open-weight large language model has 70B parameters.", "model")]
    [InlineData("en", "AI skills programme for 100,000 workers", "The artificial intelligence talent initiative funds scholarships and teacher training in schools.", "data-talent")]
    [InlineData("ko", "정부, AI 학습용 데이터 구축에 예산 투입", "인공지능 학습용 데이터 150종을 새로 구축한다.", "data-talent")]
    [InlineData("zh", "推动全民人工智能培训", "政府将开展人工智能技能培训，覆盖学生和职工。", "data-talent")]
    [InlineData("fr", "Le gouvernement crée un ministère de l'IA", "Le nouveau ministre de l'intelligence artificielle présentera un plan.", "strategy")]
    [InlineData("hi", "राज्य सरकार ने एआई नीति को मंजूरी दी", "कृत्रिम बुद्धिमत्ता के लिए पांच साल की कार्य योजना तैयार की गई है।", "strategy")]
    [InlineData("hi", "सरकारी स्कूलों में एआई शिक्षा शुरू", "छात्रों को कृत्रिम बुद्धिमत्ता की शिक्षा और प्रशिक्षण दिया जाएगा।", "data-talent")]
    // Japanese
    [InlineData("ja", "政府、AI戦略を閣議決定", "人工知能の研究開発に関する基本計画とロードマップを示した。", "strategy")]
    [InlineData("ja", "AI推進法が成立、来年施行", "人工知能に関する法律が国会で成立した。", "regulation")]
    [InlineData("ja", "国産LLMを公開", "日本語特化の大規模言語モデルをフルスクラッチで開発し、パラメータ数は130億。", "model")]
    [InlineData("ja", "ＡＩ向けスパコンを整備", "生成AIの開発に必要な計算資源として新しいスーパーコンピュータを導入する。", "infrastructure")]
    // Korean
    [InlineData("ko", "과학기술정보통신부, 독자 AI 파운데이션 모델 프로젝트 발표", "한국어 특화 거대언어모델을 개발한다.", "model")]
    [InlineData("ko", "AI 기본법 시행령 입법예고", "인공지능 기본법 시행을 앞두고 고영향 AI 기준을 정했다.", "regulation")]
    [InlineData("ko", "국방부, 국방 AI 도입 확대", "인공지능을 군사 작전에 활용한다.", "defense")]
    [InlineData("ko", "정부, AI 인재 양성에 1조원 투자", "인공지능 분야 예산을 늘린다.", "investment")]
    // Chinese
    [InlineData("zh", "国家网信办发布生成式人工智能服务管理暂行办法", "办法自公布之日起施行,加强监管。", "regulation")]
    [InlineData("zh", "新建智算中心提升人工智能算力", "数据中心将部署国产芯片。", "infrastructure")]
    [InlineData("zh", "国产大模型开源发布", "这款大语言模型参数规模达到千亿。", "model")]
    [InlineData("zh", "人工智能安全评估框架发布", "开展红队测试和安全评估。", "safety")]
    // French
    [InlineData("fr", "La CNIL publie ses recommandations sur l'IA", "Le règlement européen sur l'IA entre en vigueur: conformité et lignes directrices pour l'intelligence artificielle.", "regulation")]
    [InlineData("fr", "Nouvelle stratégie nationale pour l'intelligence artificielle", "La feuille de route France 2030 fixe les priorités de l'IA.", "strategy")]
    [InlineData("fr", "Un supercalculateur pour l'IA", "La puissance de calcul pour l'intelligence artificielle sera doublée dans un nouveau centre de données.", "infrastructure")]
    // German
    [InlineData("de", "Bundesregierung beschließt KI-Aktionsplan", "Die Strategie für künstliche Intelligenz setzt neue Schwerpunkte.", "strategy")]
    [InlineData("de", "Bundestag verabschiedet Gesetz zur KI-Verordnung", "Die Bundesnetzagentur übernimmt die Aufsicht über künstliche Intelligenz.", "regulation")]
    [InlineData("de", "Förderprogramm für KI-Start-ups", "Die Förderung künstlicher Intelligenz umfasst Investitionen von 500 Millionen Euro.", "investment")]
    // Spanish
    [InlineData("es", "El Gobierno aprueba el anteproyecto de ley de inteligencia artificial", "La AESIA supervisará el Reglamento Europeo de IA.", "regulation")]
    [InlineData("es", "Presentado ALIA, el modelo de lenguaje en lenguas cooficiales", "El gran modelo de lenguaje de inteligencia artificial se entrenó en el superordenador MareNostrum 5.", "model")]
    [InlineData("es", "Nueva Estrategia de Inteligencia Artificial", "La hoja de ruta del plan nacional para la IA.", "strategy")]
    // Arabic
    [InlineData("ar", "إطلاق الاستراتيجية الوطنية للذكاء الاصطناعي", "تحدد الخطة الوطنية خارطة طريق للذكاء الاصطناعي.", "strategy")]
    [InlineData("ar", "إطلاق نموذج لغوي كبير باللغة العربية", "النموذج اللغوي الجديد للذكاء الاصطناعي مدرب على بيانات عربية.", "model")]
    [InlineData("ar", "استثمار مليار دولار في الذكاء الاصطناعي", "تمويل جديد لمراكز البيانات والذكاء الاصطناعي.", "investment")]
    public void AssignsTopicToRelevantPhrase(string language, string title, string text, string topic)
    {
        var result = ShippedClassifier.Classify(title, text);

        Assert.True(result.Relevant, $"{language}: not relevant (score {result.Score})");
        Assert.Contains(topic, result.Topics);
        Assert.Contains(result.Reasons, r => r.StartsWith("context ", StringComparison.Ordinal) || r.StartsWith("model:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("TII releases Falcon 180B, an open large language model", "Falcon")]
    [InlineData("Typhoon 2: SCB 10X releases new Thai large language model", "Typhoon")]
    [InlineData("Tokyo Tech and AIST release the Llama 3.1 Swallow language model", "Swallow")]
    [InlineData("Silo AI releases Viking, an open LLM for the Nordic languages", "Viking")]
    [InlineData("Mistral AI releases a new language model", "Mistral")]
    [InlineData("Upstage's Solar Pro 2 tops Korean LLM benchmark", "Solar")]
    [InlineData("네이버 하이퍼클로바X 새 버전 공개, 거대언어모델", "HyperCLOVA X")]
    public void NamesTrackedModelsInAnAiContext(string title, string model)
    {
        var result = ShippedClassifier.Classify(title);

        Assert.Contains(model, result.Models);
        Assert.True(result.Relevant);
        Assert.Contains("model", result.Topics);
    }

    // A model card names the model and its authors, and nothing else: the title's model is the subject.
    [Fact]
    public void ATrackedModelNamedInTheTitleCountsMoreThanOneNamedInTheText()
    {
        var inTitle = ShippedClassifier.Instance.Analyze(new ClassificationInput("HyperCLOVA X (NAVER Cloud)", "Kim Minsu, Lee Jiyoung, Park Sungho")).Evidence;
        var inText = ShippedClassifier.Instance.Analyze(new ClassificationInput("Authors of the report", "Kim Minsu, Lee Jiyoung and Park Sungho on HyperCLOVA X")).Evidence;

        Assert.True(inTitle.ModelInTitle);
        Assert.False(inText.ModelInTitle);
        Assert.True(AnnouncementClassifier.RuleRelevance(inTitle) >= 0.8, $"rule relevance {AnnouncementClassifier.RuleRelevance(inTitle):0.000}");
        Assert.True(AnnouncementClassifier.RuleRelevance(inText) < 0.7, $"rule relevance {AnnouncementClassifier.RuleRelevance(inText):0.000}");
    }
}
