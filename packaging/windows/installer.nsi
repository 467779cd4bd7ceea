; ESPM Desktop — Windows installer (NSIS 3, Unicode). Per-user: no administrator rights needed.
;
;   makensis /DVERSION=X.Y.Z /DSOURCE_DIR=dist\espm-desktop /DOUTFILE=dist\espm-desktop-X.Y.Z-windows-x64-setup.exe packaging\windows\installer.nsi
;
; `python dev.py package` runs this on Windows with the version from espm_desktop/__init__.py.
; Installs dist\espm-desktop (PyInstaller one-folder build) into %LOCALAPPDATA%\Programs\ESPM Desktop, adds a
; Start-menu shortcut and an entry in Settings → Apps (Add/Remove Programs) under HKCU.
; The uninstaller removes only what this installer wrote: the user's databases, backups, settings and logs
; (%LOCALAPPDATA%\ESPM Desktop\ESPM Desktop and the user's own folders) are never touched.

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef SOURCE_DIR
  !define SOURCE_DIR "..\..\dist\espm-desktop"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\espm-desktop-${VERSION}-windows-x64-setup.exe"
!endif
!define APP_NAME "ESPM Desktop"
!define PUBLISHER "ESPM Desktop"
!define EXE_NAME "espm-desktop.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ESPM Desktop"
!define ICON_FILE "${__FILEDIR__}\..\..\resources\icons\espm-desktop.ico"

; Windows wants a four-number version in the file properties: 0.1.0 → 0.1.0.0.
!searchparse /noerrors "${VERSION}.0.0.0" "" V1 "." V2 "." V3 "."
!ifndef V1
  !define V1 0
!endif
!ifndef V2
  !define V2 0
!endif
!ifndef V3
  !define V3 0
!endif

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${V1}.${V2}.${V3}.0"
VIAddVersionKey /LANG=1033 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=1033 "LegalCopyright" "${PUBLISHER}"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON_FILE}"
!define MUI_UNICON "${ICON_FILE}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE_NAME}"
!define MUI_LANGDLL_ALLLANGUAGES

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "English"

LangString DataKept ${LANG_FRENCH} "Vos bases de données, sauvegardes et réglages sont conservés dans $LOCALAPPDATA\${APP_NAME}."
LangString DataKept ${LANG_ENGLISH} "Your databases, backups and settings are kept in $LOCALAPPDATA\${APP_NAME}."
LangString AppRunning ${LANG_FRENCH} "Fermez ${APP_NAME} avant de continuer."
LangString AppRunning ${LANG_ENGLISH} "Close ${APP_NAME} before continuing."

Function .onInit
  SetShellVarContext current
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetShellVarContext current
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "ESPM Desktop" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An earlier version's program files are replaced whole (never the user's data, which lives elsewhere).
  ClearErrors
  Delete "$INSTDIR\${EXE_NAME}"
  IfErrors 0 +3
    MessageBox MB_OK|MB_ICONEXCLAMATION "$(AppRunning)"
    Abort
  RMDir /r "$INSTDIR\_internal"
  File "${SOURCE_DIR}\espm-desktop.exe"
  File "${SOURCE_DIR}\espm-desktop-cli.exe"
  File /r "${SOURCE_DIR}\_internal"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${EXE_NAME}" "" "$INSTDIR\${EXE_NAME}" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE_NAME},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  ; Only the files this installer put there: if the folder was chosen elsewhere, nothing else in it is removed.
  Delete "$INSTDIR\espm-desktop.exe"
  Delete "$INSTDIR\espm-desktop-cli.exe"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  ; $LOCALAPPDATA\ESPM Desktop (databases, backups, logs) and the settings are deliberately left in place.
  DetailPrint "$(DataKept)"
SectionEnd
