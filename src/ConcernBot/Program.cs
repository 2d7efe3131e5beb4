using ConcernBot.Channels.Teams.Hosting;
using ConcernBot;
using ConcernBot.Channels.DirectLine;
using ConcernBot.SpeakUp;
using ConcernBot.Workspace;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddTeamsProtocol(builder.Configuration);
builder.Services.AddDirectLine(builder.Configuration.GetSection("DirectLine"));
builder.Services.AddConcernBot(builder.Configuration);
builder.Services.AddConcernDataProtection(builder.Configuration, builder.Environment);

var app = builder.Build();

app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.MapBotMessages("/api/messages");
app.UseRateLimiter();
app.MapDirectLine();
app.MapSpeakUpPage();
app.MapSpeakUpPoster();
app.MapWorkspaceApi();
app.MapWorkspacePage();

app.Run();

/// <summary>Visible to the integration tests (WebApplicationFactory).</summary>
public partial class Program;
