namespace Steunpunt.Tests.Infrastructure;

/// <summary>
/// The app's clock in tests: the real time, moved on by <see cref="Offset"/>. Unlike a frozen fake clock it lets the
/// app's workers (the mail sender) keep their real timers, and a test can jump past a deadline without waiting. Only a
/// test with an app of its own, or of its class (<see cref="OwnApps"/>), moves it: the shared apps (<see cref="Apps"/>)
/// serve classes running side by side. A class's test that moves it puts it back before it ends.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
