namespace Monitor.Worker.Feeds;

/// <summary>The pieces of a date found by <see cref="DateTokenizer"/>, before they are assembled.</summary>
internal struct DateParts
{
    private int _n0;
    private int _n1;
    private int _n2;
    private int _len0;
    private int _len1;
    private int _len2;

    public int NumberCount { get; private set; }

    public int Month { get; private set; }

    public int MonthWordLength { get; private set; }

    public int NumbersBeforeMonth { get; private set; }

    public bool HasTime { get; set; }

    /// <summary>True once enough has been read for a date, so a following "-05" is a zone, not a month.</summary>
    public readonly bool HasDate => NumberCount >= 3 || (Month != 0 && NumberCount >= 2);

    public int Hour { get; set; }

    public int Minute { get; set; }

    public int Second { get; set; }

    public long FractionTicks { get; set; }

    public int? OffsetMinutes { get; set; }

    public char Meridiem { get; set; }

    public void AddNumber(int value, int length)
    {
        switch (NumberCount)
        {
            case 0: _n0 = value; _len0 = length; break;
            case 1: _n1 = value; _len1 = length; break;
            case 2: _n2 = value; _len2 = length; break;
            default: return;
        }

        NumberCount++;
    }

    public void SetMonthWord(int month, int wordLength)
    {
        // "mar. 15 avril 2025": a short word that happens to be a month (French "mardi") gives way to a full month name.
        if (Month == 0 || (MonthWordLength <= 3 && wordLength > MonthWordLength))
        {
            Month = month;
            MonthWordLength = wordLength;
            NumbersBeforeMonth = NumberCount;
        }
    }

    public readonly bool TryResolveDate(out int year, out int month, out int day)
    {
        year = month = day = 0;
        return Month != 0 ? ResolveWithMonthWord(ref year, ref month, ref day) : ResolveNumeric(ref year, ref month, ref day);
    }

    private readonly bool ResolveWithMonthWord(ref int year, ref int month, ref int day)
    {
        month = Month;
        var yearIndex = -1;
        for (var i = 0; i < NumberCount; i++)
        {
            if (Length(i) >= 3 || Value(i) > 31)
            {
                yearIndex = i;
                break;
            }
        }

        if (yearIndex < 0)
        {
            // "01 Jan 04" or "Jan 01 04": the first of two small numbers is the day, the other a two-digit year.
            if (NumberCount < 2)
            {
                return false;
            }

            day = Value(0);
            year = FeedDateParser.ExpandTwoDigitYear(Value(1));
            return true;
        }

        year = FeedDateParser.ExpandTwoDigitYear(Value(yearIndex));
        for (var i = 0; i < NumberCount; i++)
        {
            if (i != yearIndex)
            {
                day = Value(i);
                return true;
            }
        }

        return false;
    }

    private readonly bool ResolveNumeric(ref int year, ref int month, ref int day)
    {
        if (NumberCount < 3)
        {
            return false;
        }

        if (_len0 >= 3)
        {
            year = _n0;
            month = _n1;
            day = _n2;
            return true;
        }

        if (_len2 is not (2 or 4))
        {
            return false;
        }

        year = FeedDateParser.ExpandTwoDigitYear(_n2);
        if (_n1 > 12 && _n0 <= 12)
        {
            month = _n0;
            day = _n1;
        }
        else
        {
            day = _n0;
            month = _n1;
        }

        return true;
    }

    private readonly int Value(int i) => i switch { 0 => _n0, 1 => _n1, _ => _n2 };

    private readonly int Length(int i) => i switch { 0 => _len0, 1 => _len1, _ => _len2 };
}
