namespace Monitor.Tests.Classification;

/// <summary>Hard negatives: model names and AI words in their other senses must never reach a digest.</summary>
public sealed class ClassifierNegativeTests
{
    [Theory]
    [InlineData("SpaceX launches Falcon 9 rocket with 60 Starlink satellites", "The Falcon 9 booster landed on a drone ship after liftoff from Cape Canaveral.")]
    [InlineData("Falcon Heavy lifts off from Kennedy Space Center", "The rocket carried a classified payload for the Space Force.")]
    [InlineData("Typhoon makes landfall in the Philippines", "Thousands were evacuated as the typhoon brought heavy rain and winds of 200 km/h.")]
    [InlineData("Super Typhoon Haima heads for Luzon", "Authorities raised the highest storm signal.")]
    [InlineData("RAF Typhoon jets scrambled over the North Sea", "Two Eurofighter Typhoon fighters intercepted the aircraft.")]
    [InlineData("Swallows return to the village in spring", "The barn swallow builds its nest under the eaves.")]
    [InlineData("Archaeologists find a Viking ship burial in Norway", "The Viking Age grave held a longship and weapons.")]
    [InlineData("Solar farm opens in Andalusia", "The solar power plant will produce energy for 100,000 homes.")]
    [InlineData("Le mistral souffle sur la Provence", "Le mistral, vent violent du nord, atteindra 100 km/h dans la vallée du Rhône.")]
    [InlineData("Minerva, the Roman goddess of wisdom", "A temple of Minerva was found in the forum.")]
    [InlineData("What is an LLM degree?", "An LLM (Master of Laws) is a postgraduate law degree for lawyers.")]
    [InlineData("¿Qué es un LLM?", "Los clientes requieren a los abogados de soluciones globales; el LLM es un máster en derecho.")]
    [InlineData("Students must act now to apply", "Applicants should act quickly; the bill for tuition is due in May.")]
    [InlineData("Chipmaker posts record quarterly results on AI demand", "Revenue rose 60% and operating profit doubled; shares rose 5% on Wall Street.")]
    [InlineData("삼성전자 3분기 영업이익 사상 최대", "AI 반도체 수요로 매출과 영업이익이 늘었다.")]
    [InlineData("Transformer fire cuts power to 20,000 homes", "Utility crews replaced the burnt transformer at the substation by Tuesday night.")]
    [InlineData("Storm knocks out transformers across the county", "Falling trees brought down power lines and left thousands without power.")]
    [InlineData("Transformers sequel tops the box office", "The new Transformers film by Michael Bay earned $60 million in its opening weekend.")]
    [InlineData("《变形金刚》新片票房夺冠", "电影 Transformers 上映首周票房领先。")]
    [InlineData("Why the universe seems fine-tuned", "Cosmologists argue the physical constants are fine-tuned for life, the anthropic principle says.")]
    [InlineData("Nvidia share price jumps after results", "The AI chipmaker's share price rose 6% as quarterly earnings beat forecasts.")]
    [InlineData("एनवीडिया के शेयर में तेजी", "एआई चिप कंपनी के शेयर की कीमत तिमाही नतीजों के बाद बढ़ी और मुनाफा दोगुना हुआ।")]
    [InlineData("Samsung unveils the Galaxy S30 with new AI features", "The flagship phone brings AI photo editing, a brighter camera and longer battery life.")]
    [InlineData("Galaxy S30 im Test: Die neuen KI-Funktionen", "Das Handy bietet eine bessere Kamera und einen größeren Akku mit künstlicher Intelligenz.")]
    [InlineData("三星發表旗艦新機", "新手機搭載人工智慧功能與更強的相機。")]
    [InlineData("小米发布新款AI眼镜", "这款智能眼镜支持人工智能语音助手和拍照。")]
    [InlineData("We tested an AI laptop for a week", "The AI PC runs a chatbot on its neural processor, but the battery life matters more.")]
    [InlineData("台風15号が上陸", "台風の影響で西日本は大雨に警戒。")]
    [InlineData("태풍 북상에 제주도 호우주의보", "태풍이 북상하며 강한 비바람이 예상된다.")]
    public void IsNotRelevantAndNamesNoModel(string title, string text)
    {
        var result = ShippedClassifier.Classify(title, text);

        Assert.False(result.Relevant, $"score {result.Score}: {string.Join("; ", result.Reasons)}");
        Assert.True(result.Score < ShippedClassifier.Instance.DigestThreshold);
        Assert.Empty(result.Models);
        Assert.Empty(result.Topics);
    }

    [Theory]
    [InlineData("AI weather model improves typhoon forecasts", "The machine learning model predicted the typhoon track three days earlier.", "Typhoon")]
    [InlineData("Solar-powered AI data centre opens", "The artificial intelligence campus runs on solar power and batteries.", "Solar")]
    [InlineData("Dassault Falcon jets get AI cockpit assistant", "The artificial intelligence assistant will fly on Falcon 8X business jets.", "Falcon")]
    public void AmbiguousNamesInOtherSensesAreNotModelsEvenNearAi(string title, string text, string model)
    {
        var result = ShippedClassifier.Classify(title, text);

        Assert.DoesNotContain(model, result.Models);
    }

    [Fact]
    public void ActAsAVerbIsNotRegulationEvidence()
    {
        var asVerb = ShippedClassifier.Classify("Companies must act on artificial intelligence", "Firms that act early on AI gain.");
        var asLaw = ShippedClassifier.Classify("Artificial Intelligence Act adopted", "The Act regulates AI systems.");

        Assert.DoesNotContain(asVerb.Reasons, r => r == "topic:regulation \"=Act\"");
        Assert.Contains(asLaw.Reasons, r => r.StartsWith("topic:regulation", StringComparison.Ordinal));
    }

    [Fact]
    public void AiMentionedInPassingScoresBelowAnAiPolicyItem()
    {
        var passing = ShippedClassifier.Classify("City council approves new bus routes", "The routes were planned with help from an AI tool.");
        var policy = ShippedClassifier.Classify("Government publishes national AI strategy", "The artificial intelligence strategy sets a roadmap and funding for AI research.");

        Assert.True(passing.Score < policy.Score);
        Assert.True(policy.Relevant);
    }

    [Fact]
    public void TheKvCacheOfATransformerModelIsNotAPowerWord()
    {
        // "kV" (kilovolt) is a power word only in that exact case: the KV cache of an LLM keeps "transformer" an AI term.
        var result = ShippedClassifier.Classify(
            "National lab releases transformer model",
            "The open transformer shrinks the KV cache so the model runs on one GPU.");

        Assert.Contains(result.Reasons, r => r.Contains("\"transformer", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void PowerWordsCancelOnlyTheElectricalTransformerNotTheAiAroundIt()
    {
        // Words about electricity turn "transformer" off; a real AI item that mentions power stays relevant.
        var result = ShippedClassifier.Classify(
            "Ministry funds national transformer language model",
            "The sovereign large language model will be trained on a new AI supercomputer whose electricity comes from hydropower.");

        Assert.True(result.Relevant, $"score {result.Score}: {string.Join("; ", result.Reasons)}");
        Assert.Contains("model", result.Topics);
        Assert.DoesNotContain(result.Reasons, r => r.Contains("\"transformer", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void AGalaxyThatIsNotAPhoneIsNotConsumerNews()
    {
        var result = ShippedClassifier.Classify("xAI releases Grok, a large language model",
            "The open-weight model is inspired by the Hitchhiker's Guide to the Galaxy.");

        Assert.True(result.Relevant, $"score {result.Score}: {string.Join("; ", result.Reasons)}");
        Assert.DoesNotContain(result.Reasons, r => r.StartsWith("off-topic", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("El Gobierno aprueba una batería de medidas sobre inteligencia artificial", "El plan de inteligencia artificial incluye una ley y un fondo público.")]
    [InlineData("정부, AI를 국가전략기술로 지정", "인공지능 국가전략을 발표하고 AI 데이터센터에 추가전력을 공급한다.")]
    [InlineData("सरकार ने एआई के लिए डेटा शेयर करने की नीति को मंजूरी दी", "कृत्रिम बुद्धिमत्ता के लिए सरकारी डेटा साझा किया जाएगा।")]
    [InlineData("Bundesagentur für Arbeit: KI-Assistent für Jobcenter im Test", "Die Bundesregierung prüft künstliche Intelligenz in der Verwaltung.")]
    [InlineData("Government consults on police facial recognition cameras", "The artificial intelligence rules would regulate camera surveillance.")]
    public void AWordThatIsAlsoConsumerVocabularyDoesNotSinkAPolicyItem(string title, string text)
    {
        var result = ShippedClassifier.Classify(title, text);

        Assert.True(result.Relevant, $"score {result.Score}: {string.Join("; ", result.Reasons)}");
    }

    [Fact]
    public void IagTheAirlineGroupIsNotGenerativeAi()
    {
        var result = ShippedClassifier.Classify("IAG shares rise after record summer profit", "British Airways owner IAG reported record quarterly profit.");

        Assert.False(result.Relevant, $"score {result.Score}: {string.Join("; ", result.Reasons)}");
    }
}
