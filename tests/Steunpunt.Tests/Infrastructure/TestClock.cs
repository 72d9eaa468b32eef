namespace Steunpunt.Tests.Infrastructure;

/// <summary>
/// The app's clock in tests: the real time, moved on by <see cref="Offset"/>. Unlike a frozen fake clock it lets the
/// app's workers (the mail sender) keep their real timers, and a test can jump past a deadline without waiting. A test
/// that moves it puts it back before it ends (tests of one class run one after another).
/// </summary>
public sealed class TestClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
