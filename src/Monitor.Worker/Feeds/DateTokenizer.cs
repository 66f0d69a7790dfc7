namespace Monitor.Worker.Feeds;

/// <summary>Splits a date string into numbers, a time, month and zone words for <see cref="FeedDateParser"/>.</summary>
internal static class DateTokenizer
{
    public static bool Read(ReadOnlySpan<char> s, ref DateParts parts)
    {
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                if (!ReadNumber(s, ref i, ref parts))
                {
                    return false;
                }
            }
            else if ((c == '+' || c == '-' || c == '\u2212') && parts.HasTime && parts.HasDate && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
            {
                i++;
                if (!ReadOffset(s, ref i, c == '+' ? 1 : -1, ref parts))
                {
                    return false;
                }
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < s.Length && char.IsLetter(s[i]))
                {
                    i++;
                }

                ReadWord(s, start, i, ref i, ref parts);
            }
            else
            {
                i++;
            }
        }

        return true;
    }

    private static bool ReadNumber(ReadOnlySpan<char> s, ref int i, ref DateParts parts)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        var digits = s[start..i];
        if (!parts.HasTime && digits.Length <= 2 && i + 1 < s.Length && s[i] == ':' && char.IsAsciiDigit(s[i + 1]))
        {
            parts.Hour = ParseInt(digits);
            i++;
            return ReadClock(s, ref i, ref parts);
        }

        if (digits.Length == 8 && parts.NumberCount == 0)
        {
            // ISO 8601 basic format: 20250314[T090000[Z]].
            parts.AddNumber(ParseInt(digits[..4]), 4);
            parts.AddNumber(ParseInt(digits[4..6]), 2);
            parts.AddNumber(ParseInt(digits[6..8]), 2);
            if (i + 4 < s.Length && (s[i] == 'T' || s[i] == 't' || s[i] == ' ') && char.IsAsciiDigit(s[i + 1]))
            {
                return ReadBasicTime(s, ref i, ref parts);
            }

            return true;
        }

        if (digits.Length > 4)
        {
            return false;
        }

        if (parts.HasTime && parts.NumberCount >= 3)
        {
            // A number after a complete date and time is noise ("... 10:00 2 comments").
            return true;
        }

        parts.AddNumber(ParseInt(digits), digits.Length);
        return true;
    }

    private static bool ReadClock(ReadOnlySpan<char> s, ref int i, ref DateParts parts)
    {
        parts.HasTime = true;
        parts.Minute = ReadDigits(s, ref i, 2);
        if (parts.Minute < 0)
        {
            return false;
        }

        if (i + 1 < s.Length && s[i] == ':' && char.IsAsciiDigit(s[i + 1]))
        {
            i++;
            parts.Second = ReadDigits(s, ref i, 2);
            ReadFraction(s, ref i, ref parts);
        }

        return true;
    }

    private static bool ReadBasicTime(ReadOnlySpan<char> s, ref int i, ref DateParts parts)
    {
        i++;
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        var digits = s[start..i];
        if (digits.Length is not (4 or 6))
        {
            return false;
        }

        parts.HasTime = true;
        parts.Hour = ParseInt(digits[..2]);
        parts.Minute = ParseInt(digits[2..4]);
        parts.Second = digits.Length == 6 ? ParseInt(digits[4..6]) : 0;
        ReadFraction(s, ref i, ref parts);
        return true;
    }

    private static void ReadFraction(ReadOnlySpan<char> s, ref int i, ref DateParts parts)
    {
        if (i + 1 >= s.Length || (s[i] != '.' && s[i] != ',') || !char.IsAsciiDigit(s[i + 1]))
        {
            return;
        }

        i++;
        long ticks = 0;
        long scale = TimeSpan.TicksPerSecond / 10;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            ticks += (s[i] - '0') * scale;
            scale /= 10;
            i++;
        }

        parts.FractionTicks = ticks;
    }

    private static bool ReadOffset(ReadOnlySpan<char> s, ref int i, int sign, ref DateParts parts)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        var digits = s[start..i];
        int hours;
        var minutes = 0;
        switch (digits.Length)
        {
            case 1 or 2:
                hours = ParseInt(digits);
                if (i + 2 < s.Length && s[i] == ':' && char.IsAsciiDigit(s[i + 1]))
                {
                    i++;
                    minutes = ReadDigits(s, ref i, 2);
                }

                break;
            case 3:
                hours = ParseInt(digits[..1]);
                minutes = ParseInt(digits[1..]);
                break;
            case 4:
                hours = ParseInt(digits[..2]);
                minutes = ParseInt(digits[2..]);
                break;
            default:
                return false;
        }

        if (minutes is < 0 or > 59)
        {
            return false;
        }

        parts.OffsetMinutes = sign * ((hours * 60) + minutes);
        return true;
    }

    private static void ReadWord(ReadOnlySpan<char> s, int start, int end, ref int i, ref DateParts parts)
    {
        var word = s[start..end].ToString().ToLowerInvariant();
        if ((word is "a" or "p") && i + 1 < s.Length && s[i] == '.' && (s[i + 1] is 'm' or 'M'))
        {
            parts.Meridiem = word[0];
            i += 2;
            if (i < s.Length && s[i] == '.')
            {
                i++;
            }

            return;
        }

        if (DateWords.Meridiems.TryGetValue(word, out var meridiem))
        {
            parts.Meridiem = meridiem;
            return;
        }

        if (Extraction.MonthNames.Lookup(word) is var month and > 0)
        {
            parts.SetMonthWord(month, word.Length);
            return;
        }

        // Zone words only count after the time, so the ISO "T" separator or a stray letter never reads as a zone.
        if (parts.HasTime && parts.OffsetMinutes is null && DateWords.Zones.TryGetValue(word, out var offset))
        {
            parts.OffsetMinutes = offset;
        }
    }

    private static int ReadDigits(ReadOnlySpan<char> s, ref int i, int max)
    {
        var start = i;
        while (i < s.Length && i - start < max && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i == start ? -1 : ParseInt(s[start..i]);
    }

    private static int ParseInt(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var d in digits)
        {
            value = (value * 10) + (d - '0');
        }

        return value;
    }
}
