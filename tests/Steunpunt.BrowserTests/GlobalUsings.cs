// The app's shared vocabulary (themes, school phases, audiences), as in the app itself.
global using Steunpunt.Vocabulary;

// One Chromium for the whole run; each test class starts its own app (BrowserFixture).
[assembly: AssemblyFixture(typeof(Steunpunt.BrowserTests.Infrastructure.ChromiumFixture))]
