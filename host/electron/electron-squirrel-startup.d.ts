// The package ships no types: it exports whether it handled a Squirrel.Windows install/update/uninstall
// event (it then quits the app itself once Update.exe is done).
declare module 'electron-squirrel-startup' {
  const handledSquirrelEvent: boolean;
  export default handledSquirrelEvent;
}
