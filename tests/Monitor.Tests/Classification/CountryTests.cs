using Monitor.Worker.Classification;

namespace Monitor.Tests.Classification;

/// <summary>Countries are whose government or organisation an item is about: agencies, names, demonyms, fallbacks.</summary>
public sealed class CountryTests
{
    [Theory]
    [InlineData("MeitY launches IndiaAI compute portal", "The artificial intelligence portal offers GPUs to start-ups.", "IN")]
    [InlineData("과학기술정보통신부, 인공지능 예산 확대", "인공지능 분야 지원을 늘린다.", "KR")]
    [InlineData("総務省、AIの利用に関するガイドラインを公表", "生成AIの利用について指針を示した。", "JP")]
    [InlineData("La CNIL publie des recommandations sur l'IA", "Les recommandations portent sur l'intelligence artificielle.", "FR")]
    [InlineData("European Commission opens AI Act consultation", "The AI Office invites comments on general-purpose AI.", "EU")]
    [InlineData("OECD updates its AI principles", "The recommendation on artificial intelligence was revised by members.", "INT")]
    [InlineData("Die Bundesregierung fördert KI-Forschung", "Künstliche Intelligenz soll in Deutschland wachsen.", "DE")]
    [InlineData("SDAIA launches ALLaM on its platform", "The Arabic large language model is available to government entities.", "SA")]
    [InlineData("الهيئة السعودية للبيانات والذكاء الاصطناعي تطلق نموذج علام", "النموذج اللغوي العربي متاح للجهات الحكومية.", "SA")]
    [InlineData("Canadian government funds AI compute", "The artificial intelligence strategy adds new GPUs.", "CA")]
    [InlineData("Le Bénin adopte sa stratégie nationale d'intelligence artificielle", "Le gouvernement a validé le document.", "BJ")]
    [InlineData("موريتانيا تطلق استراتيجية الذكاء الاصطناعي", "أعلنت الحكومة عن خطة وطنية.", "MR")]
    [InlineData("Costa Rica lanza su estrategia de inteligencia artificial", "El gobierno presentó el plan.", "CR")]
    [InlineData("ウズベキスタン、AI戦略を承認", "人工知能の国家戦略を定めた。", "UZ")]
    [InlineData("Le gouvernement tunisien dévoile un plan pour l'intelligence artificielle", "Le plan couvre la formation et le calcul.", "TN")]
    [InlineData("El gobierno uruguayo presenta su plan de inteligencia artificial", "La agencia digital coordinará el plan.", "UY")]
    public void FindsTheCountryFromAgenciesNamesAndDemonyms(string title, string text, string country)
    {
        var result = ShippedClassifier.Classify(title, text);

        Assert.Contains(country, result.Countries);
        Assert.Contains(result.Reasons, r => r.StartsWith($"country:{country} \"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Der Bundesrat übernimmt die KI-Konvention", "Die Regeln zur künstlichen Intelligenz sollen ins Schweizer Recht einfliessen.", "CH")]
    [InlineData("Bundesregierung legt KI-Aktionsplan vor", "Österreich will künstliche Intelligenz in der Verwaltung nutzen.", "AT")]
    [InlineData("Bundesregierung legt KI-Aktionsplan vor", "Deutschland will künstliche Intelligenz in der Verwaltung nutzen.", "DE")]
    [InlineData("Federal government releases national AI plan", "Australia will not adopt mandatory AI guardrails, the minister said.", "AU")]
    [InlineData("سلطنة عمان تطلق برنامج الذكاء الاصطناعي", "يأتي البرنامج ضمن رؤية عمان 2040 للتحول الرقمي.", "OM")]
    public void AnInstitutionNameSeveralCountriesShareFollowsTheCountryTheItemNames(string title, string text, string country)
    {
        // Bundesrat is Swiss, Austrian and German; "federal government" is American, Australian, Canadian; unvowelled
        // عمان is Oman and Amman: such names only add to a country named otherwise.
        var result = ShippedClassifier.Classify(title, text);

        Assert.Equal([country], result.Countries);
    }

    [Theory]
    [InlineData("Bundesregierung beschließt KI-Strategie", "Die Strategie für künstliche Intelligenz wird umgesetzt.")]
    [InlineData("Bundesregierung legt KI-Aktionsplan vor", "Die Bundesregierung will künstliche Intelligenz fördern; die Bundesregierung investiert.")]
    [InlineData("Bundesregierung und Bundesrat beschließen KI-Gesetz", "Das Bundesministerium legt die Regeln für künstliche Intelligenz fest.")]
    [InlineData("Federal government releases AI plan", "The federal government said federal agencies will adopt artificial intelligence; the federal government funds it.")]
    [InlineData("عمان تطلق برنامج الذكاء الاصطناعي", "أعلنت عمان عن خطة للذكاء الاصطناعي في عمان.")]
    public void SharedInstitutionNamesAloneDecideNoCountryHoweverOftenRepeated(string title, string text)
    {
        var result = ShippedClassifier.Classify(title, text, sourceCountry: "NZ");

        Assert.Equal(["NZ"], result.Countries);
        Assert.Contains("country:NZ (source)", result.Reasons);
    }

    [Theory]
    [InlineData("피지컬 AI 시대…과기정통부, 로봇 지원 확대", "정부가 피지컬 AI 기업을 지원한다.", "KR")]
    [InlineData("国务院：推动人工智能产业更加蓬勃发展", "人工智能产业更加蓬勃发展。", "CN")]
    [InlineData("Papua New Guinea adopts a national AI policy", "The artificial intelligence policy was approved.", "PG")]
    [InlineData("白俄罗斯发布国家人工智能发展战略", "白俄罗斯政府批准了人工智能战略。", "BY")]
    [InlineData("China opens a national AI computing hub in Inner Mongolia", "The artificial intelligence data centre is state-funded.", "CN")]
    [InlineData("O primeiro-ministro Luís Montenegro apresenta a agenda de inteligência artificial", "O Governo de Portugal aprovou a agenda.", "PT")]
    [InlineData("El Gobierno de España aprueba la ley de IA en el ecuador de la legislatura", "La ley de inteligencia artificial llega al Congreso.", "ES")]
    [InlineData("Citizens must not be guinea pigs for untested AI, UK committee warns", "The artificial intelligence report was published in London.", "GB")]
    public void ANameInsideAnotherNameOrWordIsNotThatCountry(string title, string text, string country)
    {
        var result = ShippedClassifier.Classify(title, text);

        Assert.Equal([country], result.Countries);
    }

    [Fact]
    public void CountryNamesThatAreAlsoPeopleOrWordsAreNotInTheGazetteer()
    {
        // "Chad" and "Salvador" are first names; Arabic مالي means "financial": none names a country here.
        var result = ShippedClassifier.Classify("Chad Salvador joins the AI regulator",
            "The artificial intelligence authority named a new director. الدعم المالي للذكاء الاصطناعي.", sourceCountry: "NZ");

        Assert.Equal(["NZ"], result.Countries);
    }

    [Fact]
    public void IgnoresCountriesMentionedOnlyInPassing()
    {
        var result = ShippedClassifier.Classify(
            "Japan's Digital Agency adopts generative AI guidelines for ministries",
            "総務省 and 経済産業省 worked on the AI guidelines for Japanese ministries. Officials said the rules differ from those in Brazil.");

        Assert.Equal(["JP"], result.Countries);
    }

    [Fact]
    public void FallsBackToTheSourceCountryWhenTheTextNamesNone()
    {
        var result = ShippedClassifier.Classify("New guidelines for generative AI", "The guidelines cover artificial intelligence in public services.", sourceCountry: "nz");

        Assert.Equal(["NZ"], result.Countries);
        Assert.Contains("country:NZ (source)", result.Reasons);
    }

    [Fact]
    public void FallsBackToAGovernmentWebAddressLast()
    {
        var result = ShippedClassifier.Classify("New guidelines for generative AI", "Artificial intelligence rules.", url: "https://www.soumu.go.jp/menu_news/x.html");

        Assert.Equal(["JP"], result.Countries);
    }

    [Fact]
    public void FallsBackToASingleCountryLanguageLast()
    {
        var byScript = ShippedClassifier.Classify("生成AIの利用ガイドラインを公表", "生成AIを業務で使うときの注意点をまとめた。");
        var byTag = ShippedClassifier.Instance.Classify(new ClassificationInput("Nowe wytyczne", "sztuczna inteligencja w administracji", null, "pl-PL"));
        var english = ShippedClassifier.Classify("New guidelines for generative AI", "Artificial intelligence rules.");

        Assert.Equal(["JP"], byScript.Countries);
        Assert.Contains("country:JP (language)", byScript.Reasons);
        Assert.Equal(["PL"], byTag.Countries);
        Assert.Empty(english.Countries);
    }

    [Fact]
    public void NorthKoreaIsNotSouthKorea()
    {
        var result = ShippedClassifier.Classify("North Korea uses AI in missile programme", "North Korean engineers apply artificial intelligence to weapons.");

        Assert.Contains("KP", result.Countries);
        Assert.DoesNotContain("KR", result.Countries);
    }

    [Fact]
    public void LowerCaseUsIsNotTheUnitedStates()
    {
        var result = ShippedClassifier.Classify("Tell us about your AI project", "Let us know how artificial intelligence helps you.");

        Assert.DoesNotContain("US", result.Countries);
    }
}
