; ExamSite (考点通) Windows installer: Inno Setup 6 script for the one-folder build.
; Build on Windows (see README.md here):
;   py installers\build.py onefolder
;   iscc /DNssmDir=C:\tools\nssm\win64 installers\windows\examsite.iss
; Installs dist\examsite under Program Files, the site host as a Windows service (through NSSM,
; which runs a console program as a service and restarts it), a shortcut per role, and an
; optional terminal mode that starts the candidate kiosk at logon.
; Site data (C:\ProgramData\ExamSite) is never removed by the uninstaller.

#define AppName "ExamSite"
#define AppVersion "0.1.0"
#ifndef BuildDir
  #define BuildDir "..\..\dist\examsite"
#endif
#ifndef SourceDir
  #define SourceDir "."
#endif
#ifndef NssmDir
  #define NssmDir "nssm"
#endif
#define Service "ExamSiteHost"

[Setup]
AppId={{6F1B8E2A-4C7D-4E8B-9B1F-2F5E0C3A7D41}
AppName={#AppName}
AppVerName={#AppName} {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=ExamSite
DefaultDirName={autopf}\ExamSite
DefaultGroupName=ExamSite 考点通
OutputDir=..\..\dist
OutputBaseFilename=examsite-{#AppVersion}-setup
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes
UninstallDisplayIcon={app}\examsite.exe

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "hostservice"; Description: "Run the site host as a Windows service (site host PC) / 安装考点主机服务"; Flags: unchecked
Name: "terminalmode"; Description: "Terminal mode: start the candidate kiosk at logon / 考生机模式：登录后自动进入考试界面"; Flags: unchecked

[Dirs]
Name: "{commonappdata}\ExamSite"; Permissions: users-modify; Flags: uninsneveruninstall

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#NssmDir}\nssm.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#SourceDir}\examsite-kiosk.vbs"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#SourceDir}\README.md"; DestDir: "{app}"; DestName: "INSTALL-windows.md"; Flags: ignoreversion

[Icons]
Name: "{group}\ExamSite console 考务控制台"; Filename: "{app}\examsite.exe"; Parameters: "--home ""{commonappdata}\ExamSite"" console"
Name: "{group}\Check-in desk 入场检录"; Filename: "{app}\examsite.exe"; Parameters: "--home ""{commonappdata}\ExamSite"" console"
Name: "{group}\Examiner station 考评员评分"; Filename: "{app}\examsite.exe"; Parameters: "--home ""{commonappdata}\ExamSite"" console"
Name: "{group}\Candidate terminal 考生机"; Filename: "{sys}\wscript.exe"; Parameters: """{app}\examsite-kiosk.vbs"""
Name: "{group}\Uninstall ExamSite"; Filename: "{uninstallexe}"

[Registry]
; terminal mode: the kiosk wrapper at every logon (HKLM Run: every user of this PC, i.e. the kiosk account)
Root: HKLM; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "ExamSiteKiosk"; ValueData: """{sys}\wscript.exe"" ""{app}\examsite-kiosk.vbs"""; Tasks: terminalmode; Flags: uninsdeletevalue
; the site host's LAN address for the kiosk, from the command line: setup.exe /SERVER=https://10.0.0.2:8443
Root: HKLM; Subkey: "Software\ExamSite"; ValueType: string; ValueName: "TerminalServer"; ValueData: "{param:SERVER|}"; Tasks: terminalmode; Flags: uninsdeletekey

[Run]
; the site host service: NSSM runs `examsite.exe host` as LocalSystem and restarts it if it exits.
; The recorder is the host's child process (AppKillProcessTree stops both). The service starts
; only after `examsite site init` and the passphrase (EXAMSITE_PASSPHRASE) are set: see README.md.
Filename: "{app}\nssm.exe"; Parameters: "install {#Service} ""{app}\examsite.exe"" --home ""{commonappdata}\ExamSite"" host"; Flags: runhidden; Tasks: hostservice
Filename: "{app}\nssm.exe"; Parameters: "set {#Service} DisplayName ""ExamSite site host (考点主机)"""; Flags: runhidden; Tasks: hostservice
Filename: "{app}\nssm.exe"; Parameters: "set {#Service} Start SERVICE_DELAYED_AUTO_START"; Flags: runhidden; Tasks: hostservice
Filename: "{app}\nssm.exe"; Parameters: "set {#Service} AppExit Default Restart"; Flags: runhidden; Tasks: hostservice
Filename: "{app}\nssm.exe"; Parameters: "set {#Service} AppStopMethodConsole 30000"; Flags: runhidden; Tasks: hostservice
Filename: "{app}\nssm.exe"; Parameters: "set {#Service} AppStdout ""{commonappdata}\ExamSite\host.log"""; Flags: runhidden; Tasks: hostservice
Filename: "{app}\nssm.exe"; Parameters: "set {#Service} AppStderr ""{commonappdata}\ExamSite\host.log"""; Flags: runhidden; Tasks: hostservice
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall add rule name=""ExamSite LAN API"" dir=in action=allow protocol=TCP localport=8443"; Flags: runhidden; Tasks: hostservice

[UninstallRun]
Filename: "{app}\nssm.exe"; Parameters: "stop {#Service}"; Flags: runhidden; RunOnceId: "StopHost"
Filename: "{app}\nssm.exe"; Parameters: "remove {#Service} confirm"; Flags: runhidden; RunOnceId: "RemoveHost"
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""ExamSite LAN API"""; Flags: runhidden; RunOnceId: "RemoveFirewallRule"
