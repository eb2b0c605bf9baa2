namespace Apisix.Translation.Tests.Unit;

public sealed class OrdinalPrefixTests
{
    // The output is sorted by comparing packed id prefixes first: a prefix order must never contradict
    // the ordinal order of the whole ids, including short ids, NUL and characters beyond ASCII.
    [Fact]
    public void PrefixOrder_NeverContradictsOrdinalOrder()
    {
        var random = new Random(11);
        char[] alphabet = ['\0', '0', '9', 'a', 'f', 'z', '_', 'é', '\uffff'];
        var ids = Enumerable.Range(0, 400)
            .Select(_ => new string(Enumerable.Range(0, random.Next(0, 7)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()))
            .ToList();
        foreach (var left in ids)
        {
            foreach (var right in ids)
            {
                var byPrefix = ConfigurationBuilder.OrdinalPrefix(left).CompareTo(ConfigurationBuilder.OrdinalPrefix(right));
                if (byPrefix != 0)
                {
                    Assert.Equal(Math.Sign(string.CompareOrdinal(left, right)), byPrefix);
                }
            }
        }
    }

    [Fact]
    public void SortingByPrefixThenId_GivesTheOrdinalOrder()
    {
        string[] ids = ["a0", "a", "", "0", "ffff0", "ffff", "5ce57b8f", "5ce57b8e", "a\0", "\0", "é", "z", "50124da", "50124d"];
        var byPrefix = ids.OrderBy(ConfigurationBuilder.OrdinalPrefix).ThenBy(id => id, StringComparer.Ordinal);
        Assert.Equal(ids.Order(StringComparer.Ordinal), byPrefix);
    }
}
