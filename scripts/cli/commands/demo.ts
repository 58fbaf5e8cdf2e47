/** `theodoi demo`: runs the local world end to end; today it covers what has been built so far. */
import { Command } from 'commander';
import { startFirestoreEmulator } from '../../emulators/firestore.js';
import { serveFunctions } from './serve.js';

/** The `demo` command. */
export function demoCommand(): Command {
  return new Command('demo')
    .description('Start the emulators and the functions locally and play the Tháp Mười directive end to end.')
    .action(async () => {
      const started = performance.now();
      console.log('1/3 Khởi động Firestore emulator…');
      const firestore = await startFirestoreEmulator();
      process.env.FIRESTORE_EMULATOR_HOST = firestore.host;
      try {
        console.log(`    FIRESTORE_EMULATOR_HOST=${firestore.host} (${firestore.source})`);
        console.log('2/3 Khởi động các Cloud Functions…');
        const { server, url } = await serveFunctions(0);
        try {
          console.log('3/3 Kiểm tra sức khỏe hệ thống…');
          const health = (await (await fetch(`${url}/health`)).json()) as {
            message: string;
            version: string;
          };
          console.log(`    ${health.message} (phiên bản ${health.version})`);
        } finally {
          server.close();
        }
        console.log(
          'Chưa có: kịch bản công văn Tháp Mười (nhập văn bản, tạo bảng tính, đơn vị báo cáo, tổng hợp) sẽ có khi các phần đồng bộ, hạn báo cáo và tổng hợp hoàn thành.',
        );
        console.log(`Xong sau ${((performance.now() - started) / 1000).toFixed(1)} giây.`);
      } finally {
        await firestore.stop();
      }
    });
}
