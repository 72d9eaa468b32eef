using Steunpunt.Accounts;
using Steunpunt.Data;
using Steunpunt.Information;
using Steunpunt.National;
using Steunpunt.Privacy;
using Steunpunt.Seeding;
using Steunpunt.Questions;
using Steunpunt.Signals;
using Steunpunt.Stories;
using Steunpunt.Tenancy;
using Steunpunt.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddData();          // SteunpuntDb on SQLite (default) or PostgreSQL
builder.AddTenancy();       // resolve the steunpunt from host or first path segment
builder.AddAccounts();      // Identity, roles, policies; closed by default
builder.AddPrivacy();       // the key for confidential text, kept outside the database
builder.AddSeeding();       // roles, themes, the national information set and (in a demo) demo steunpunten
builder.AddInformation();   // Informeren: national set + regional layer, glossary, regional pages
builder.AddQuestions();     // Steunen: stel je vraag, personal link, staff inbox, reply deadlines, mail outbox
builder.AddStories();       // the vertelpunt: stories, redaction reviewed by staff, the teller's words deleted after approval
builder.AddSignals();       // Signaleren: signal register, board reports, "jullie zeiden, wij deden"
builder.AddNational();      // the national layer: setting up steunpunten and taking them live (Landelijk beheer)
builder.AddWeb();           // Razor Pages (root "/"), headers, output cache, compression

var app = builder.Build();
app.WarmUpData();           // the database model is built beside the routes and the server start
app.UseWebOuter();          // security headers, stored public pages, compression of pages made for one person
app.UseTenancy();
app.UseWebInner();          // Dutch error pages (inside the steunpunt's layout), routing
app.UseAccounts();          // sign-in (checked against the account on every request), policies, no-store when signed in
app.UseCompressOnce();      // public pages compressed once, as they are stored (the cache that serves them is at the front)
app.MapWeb();              // health, Razor Pages (each feature mapped its own pages and access rules when added)
app.MapInformation();      // search suggestions

app.Run();                  // migrations, starter content and the search index run in the background (Data/Startup.cs)
