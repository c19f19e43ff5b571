; Inno Setup script for the Windows installer (build on Windows; see packaging/README.md).
; Takes the PyInstaller folder build\pyinstaller\dist\midad made from packaging\midad.spec.
#define AppVersion GetEnv("MIDAD_VERSION")

[Setup]
AppId={{6E1C0A8F-5A62-4C4B-9C3E-3B7F0D2A9D11}
AppName=Midad
AppVersion={#AppVersion}
AppPublisher=The Midad developers
DefaultDirName={autopf}\Midad
DefaultGroupName=Midad
OutputDir=..\..\dist
OutputBaseFilename=midad-{#AppVersion}-setup
SetupIconFile=midad.ico
Compression=lzma2/max
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern

[Languages]
Name: "arabic"; MessagesFile: "compiler:Languages\Arabic.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\build\pyinstaller\dist\midad\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\مداد — Midad"; Filename: "{app}\midad.exe"
Name: "{autodesktop}\مداد — Midad"; Filename: "{app}\midad.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\midad.exe"; Parameters: "--self-check"; Flags: runhidden waituntilterminated; StatusMsg: "Checking the installation…"
Filename: "{app}\midad.exe"; Description: "{cm:LaunchProgram,Midad}"; Flags: nowait postinstall skipifsilent
