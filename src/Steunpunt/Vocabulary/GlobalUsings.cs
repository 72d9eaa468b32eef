// The shared vocabulary (themes, school phases, audiences, closures) is used by every pillar and by infrastructure.
global using Steunpunt.Vocabulary;
