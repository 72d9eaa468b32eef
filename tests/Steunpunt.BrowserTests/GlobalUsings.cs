// The app's shared vocabulary (themes, school phases, audiences), as in the app itself.
global using Steunpunt.Vocabulary;
