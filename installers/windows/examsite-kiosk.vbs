' ExamSite candidate kiosk at logon (terminal mode): starts examsite.exe terminal full screen,
' hidden console, and starts it again whenever it exits with an error (crash, killed); exit code 0
' means a proctor closed it with the proctor code, and the loop ends.
' The site host's address comes from HKLM\Software\ExamSite\TerminalServer (setup.exe /SERVER=…).
' The terminal's folder (enrolment, answer journal) is %LOCALAPPDATA%\ExamSite\terminal: after a
' reboot the candidate logs in again and the journal resumes the sitting.
Option Explicit
Dim shell, fso, app, server, data, command, status, delay
Set shell = CreateObject("WScript.Shell")
Set fso = CreateObject("Scripting.FileSystemObject")
app = fso.GetParentFolderName(WScript.ScriptFullName)
On Error Resume Next
server = shell.RegRead("HKLM\Software\ExamSite\TerminalServer")
On Error GoTo 0
data = shell.ExpandEnvironmentStrings("%LOCALAPPDATA%") & "\ExamSite\terminal"
command = """" & app & "\examsite.exe"" terminal --data """ & data & """"
If server <> "" Then command = command & " --server " & server
delay = 1000
Do
    status = shell.Run(command, 0, True)
    If status = 0 Then Exit Do
    WScript.Sleep delay
    If delay < 30000 Then delay = delay * 2
Loop
