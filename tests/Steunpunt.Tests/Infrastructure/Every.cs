namespace Steunpunt.Tests.Infrastructure;

/// <summary>Assert.All that cannot pass on an empty list: a check over nothing proves nothing.</summary>
public static class Every
{
    public static void Item<T>(IEnumerable<T> items, Action<T> check)
    {
        var list = items.ToList();
        Assert.True(list.Count > 0, "The list to check is empty, so the check would prove nothing.");
        Assert.All(list, check);
    }
}
